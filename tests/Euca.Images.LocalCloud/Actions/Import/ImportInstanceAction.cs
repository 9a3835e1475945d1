using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Import;

/// <summary>ImportInstance with one disk (what euca-import-instance sends): a conversion task that ends with the
/// volume and the id of the instance launched from it (<see cref="ImportedInstanceLauncher"/>).</summary>
public sealed class ImportInstanceAction : ICloudAction
{
    public string Name => "ImportInstance";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        QueryParameters p = context.Parameters;
        string platform = p.GetRequired("Platform");
        if (!platform.Equals("Windows", StringComparison.OrdinalIgnoreCase) && !platform.Equals("Linux", StringComparison.OrdinalIgnoreCase))
        {
            throw CloudErrors.InvalidParameterValue($"Platform {platform} is not Windows or Linux.");
        }

        IReadOnlyList<QueryParameters> disks = p.GetStructList("DiskImage");
        if (disks.Count != 1)
        {
            throw CloudErrors.InvalidParameterValue("ImportInstance takes exactly one DiskImage.");
        }

        string zone = DiskImageParameters.Zone(p.Get("LaunchSpecification.Placement.AvailabilityZone"), context);
        DiskImageParameters disk = DiskImageParameters.From(disks[0], "", context);
        DateTimeOffset now = context.Time.GetUtcNow();
        ConversionTaskRecord task = context.State.ConversionTasks.Add("import-i", new ConversionTaskRecord
        {
            OwnerId = context.Account.AccountId, TaskType = "ImportInstance", CreatedAt = now,
            ExpirationTime = now + context.State.Import.TaskExpiration, Description = p.Get("Description"),
            AvailabilityZone = zone, Format = disk.Format, ImageBytes = disk.ImageBytes, VolumeSize = disk.VolumeSize,
            ManifestUrl = disk.ManifestUrl, StatusMessage = "Pending", Platform = platform,
            InstanceType = p.GetRequired("LaunchSpecification.InstanceType"), KeyName = p.Get("LaunchSpecification.KeyName"),
            Architecture = p.Get("LaunchSpecification.Architecture"),
        });
        return ActionResponse.Ec2(Name, w =>
        {
            w.WriteStartElement("conversionTask");
            ConversionTaskXml.Write(w, task);
            w.WriteEndElement();
        });
    }
}
