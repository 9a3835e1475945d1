using Euca.Images.LocalCloud.Actions.Bootstrap;
using Euca.Images.LocalCloud.Actions.Images;
using Euca.Images.LocalCloud.Actions.Images.Lifecycle;
using Euca.Images.LocalCloud.Actions.Import;
using Euca.Images.LocalCloud.Actions.Instances;
using Euca.Images.LocalCloud.Actions.Migration;
using Euca.Images.LocalCloud.Actions.Snapshots;
using Euca.Images.LocalCloud.Actions.Topology;
using Euca.Images.LocalCloud.Actions.Tags;
using Euca.Images.LocalCloud.Actions.Volumes;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions;

/// <summary>The table of served actions, by `Action` name (case-sensitive, as EC2).</summary>
public sealed class ActionRegistry
{
    private readonly Dictionary<string, ICloudAction> actions = new(StringComparer.Ordinal);

    public ActionRegistry(IEnumerable<ICloudAction> actions)
    {
        foreach (ICloudAction action in actions)
        {
            this.actions.Add(action.Name, action);
        }
    }

    /// <summary>Every action the local cloud implements; the AWS flavour adds VM Import/Export, which Eucalyptus
    /// lacks (it answers those with InvalidAction).</summary>
    public static ActionRegistry CreateDefault(CloudFlavor flavor = CloudFlavor.Eucalyptus) => new(
    [
        new DescribeImagesAction(),
        new RegisterImageAction(),
        new DeregisterImageAction(),
        new DescribeImageAttributeAction(),
        new ModifyImageAttributeAction(),
        new ResetImageAttributeAction(),
        new DescribeServiceCertificatesAction(),
        new DescribeInstancesAction(),
        new CreateImageAction(),
        new BundleInstanceAction(),
        new DescribeBundleTasksAction(),
        new CancelBundleTaskAction(),
        new CreateSnapshotAction(),
        new DescribeSnapshotsAction(),
        new DeleteSnapshotAction(),
        new ImportVolumeAction(),
        new ImportInstanceAction(),
        new DescribeConversionTasksAction(),
        new CancelConversionTaskAction(),
        new CreateVolumeAction(),
        new DescribeVolumesAction(),
        new DeleteVolumeAction(),
        new DescribeAvailabilityZonesAction(),
        new DescribeRegionsAction(),
        new CreateTagsAction(),
        new DeleteTagsAction(),
        new DescribeTagsAction(),
        .. flavor == CloudFlavor.Aws ? VmImportExport : [],
    ]);

    private static ICloudAction[] VmImportExport =>
    [
        new ExportImageAction(),
        new DescribeExportImageTasksAction(),
        new CancelExportTaskAction(),
        new ImportSnapshotAction(),
        new DescribeImportSnapshotTasksAction(),
        new CancelImportTaskAction(),
    ];

    public ICloudAction? Find(string name) => actions.GetValueOrDefault(name);
}
