using System.Xml;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Migration;

namespace Euca.Images.LocalCloud.Actions.Migration;

/// <summary>
/// ExportImage (AWS flavour): the caller's EBS-backed image becomes a task that writes its root snapshot's bytes to
/// <c>S3Prefix + export-ami-… + .raw</c> (or a stream-optimized <c>.vmdk</c>, made by qemu-img) in the bucket. The first answer is `active`, `validating`, progress 0, as
/// AWS's guide shows. A repeated ClientToken returns the first task (or IdempotentParameterMismatch).
/// </summary>
public sealed class ExportImageAction : ICloudAction
{
    private static readonly string[] Formats = ["RAW", "VMDK", "VHD"];

    public string Name => "ExportImage";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    private ActionResponse Execute(ActionContext context)
    {
        QueryParameters p = context.Parameters;
        string imageId = p.GetRequired("ImageId");
        string format = p.GetRequired("DiskImageFormat");
        if (!Formats.Contains(format))
        {
            throw CloudErrors.InvalidParameterValue($"Value ({format}) for parameter DiskImageFormat is invalid. Expected one of {string.Join(", ", Formats)}.");
        }

        if (format == "VHD")
        {
            throw MigrationErrors.FormatNotServed(format);
        }

        ImageRecord image = context.State.FindImage(imageId) is { } found && found.OwnerId == context.Account.AccountId && ImageStates.IsListed(found.State)
            ? found
            : throw CloudErrors.ImageNotFound([imageId]);
        string snapshotId = image.BlockDeviceMappings.FirstOrDefault(m => m.DeviceName == image.RootDeviceName)?.SnapshotId
            ?? throw new CloudErrorException(400, "InvalidParameter", $"The image {imageId} is not EBS-backed; only EBS-backed images can be exported.");

        var task = new ExportImageTaskRecord
        {
            ExportImageTaskId = ResourceIds.New("export-ami", longId: true),
            OwnerId = context.Account.AccountId,
            ImageId = imageId,
            SnapshotId = snapshotId,
            DiskImageFormat = format,
            S3Bucket = p.GetRequired("S3ExportLocation.S3Bucket"),
            S3Prefix = p.Get("S3ExportLocation.S3Prefix"),
            Description = p.Get("Description"),
            RoleName = p.Get("RoleName") ?? "vmimport",
            ClientToken = p.Get("ClientToken"),
        };
        ExportImageTaskRecord? earlier = task.ClientToken is null ? null
            : context.State.MigrationTasks.Exports.Snapshot().FirstOrDefault(t => t.OwnerId == task.OwnerId && t.ClientToken == task.ClientToken);
        if (earlier is not null && !SameRequest(earlier, task))
        {
            throw MigrationErrors.IdempotentMismatch(task.ClientToken!);
        }

        if (earlier is null)
        {
            context.State.MigrationTasks.Exports.Add(task);
        }

        ExportImageTaskRecord answer = earlier ?? task;
        return ActionResponse.Ec2(Name, w => Write(w, answer));
    }

    private static bool SameRequest(ExportImageTaskRecord a, ExportImageTaskRecord b) =>
        a.ImageId == b.ImageId && a.DiskImageFormat == b.DiskImageFormat && a.S3Bucket == b.S3Bucket && a.S3Prefix == b.S3Prefix;

    private static void Write(XmlWriter w, ExportImageTaskRecord task)
    {
        MigrationXml.WriteExportTask(w, task);
        w.WriteElementString("diskImageFormat", task.DiskImageFormat);
        w.WriteElementString("roleName", task.RoleName);
    }
}
