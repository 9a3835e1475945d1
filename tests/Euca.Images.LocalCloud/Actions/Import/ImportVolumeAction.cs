using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Import;

/// <summary>ImportVolume: starts a conversion task that the worker turns into a volume once the upload is there.</summary>
public sealed class ImportVolumeAction : ICloudAction
{
    public string Name => "ImportVolume";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        string zone = DiskImageParameters.Zone(context.Parameters.GetRequired("AvailabilityZone"), context);
        DiskImageParameters disk = DiskImageParameters.From(context.Parameters, "", context);
        DateTimeOffset now = context.Time.GetUtcNow();
        ConversionTaskRecord task = context.State.ConversionTasks.Add("import-vol", new ConversionTaskRecord
        {
            OwnerId = context.Account.AccountId, TaskType = "ImportVolume", CreatedAt = now,
            ExpirationTime = now + context.State.Import.TaskExpiration, Description = context.Parameters.Get("Description"),
            AvailabilityZone = zone, Format = disk.Format, ImageBytes = disk.ImageBytes, VolumeSize = disk.VolumeSize,
            ManifestUrl = disk.ManifestUrl, StatusMessage = "Pending",
        });
        return ActionResponse.Ec2(Name, w =>
        {
            w.WriteStartElement("conversionTask");
            ConversionTaskXml.Write(w, task);
            w.WriteEndElement();
        });
    }
}
