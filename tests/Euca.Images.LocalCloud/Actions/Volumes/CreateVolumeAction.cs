using System.Globalization;
using Euca.Images.LocalCloud.Actions.Import;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Volumes;

/// <summary>CreateVolume (minimal): an empty volume of Size GiB in a zone, available at once.</summary>
public sealed class CreateVolumeAction : ICloudAction
{
    public string Name => "CreateVolume";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        string zone = DiskImageParameters.Zone(context.Parameters.GetRequired("AvailabilityZone"), context);
        string sizeText = context.Parameters.GetRequired("Size");
        if (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out int size) || size < 1)
        {
            throw CloudErrors.InvalidParameterValue($"Size '{sizeText}' is not a number of GiB.");
        }

        VolumeRecord volume = context.State.Volumes.Create(context.Account.AccountId, size, zone, null, context.Time.GetUtcNow());
        return ActionResponse.Ec2(Name, w => VolumeXml.Write(w, volume));
    }
}
