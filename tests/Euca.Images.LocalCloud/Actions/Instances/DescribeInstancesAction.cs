using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State.Instances;

namespace Euca.Images.LocalCloud.Actions.Instances;

/// <summary>DescribeInstances narrowed by InstanceId.N: the caller's instances (every instance for an
/// administrator), one reservation each. Requested ids that are not visible give InvalidInstanceID.NotFound. Each
/// reservation has reservationId, ownerId, `groupSet` and `instancesSet`, all required by Eucalyptus' binding
/// (ec2-instances-16-11-15.xml ReservationInfoType); euca2ools 3.4 reads `groupSet` unconditionally.</summary>
public sealed class DescribeInstancesAction : ICloudAction
{
    public string Name => "DescribeInstances";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        HashSet<string> ids = context.Parameters.GetList("InstanceId").Select(InstanceIds.Instance).ToHashSet(StringComparer.Ordinal);
        List<InstanceRecord> visible = context.State.Instances.SnapshotInstances()
            .Where(i => context.Account.IsAdmin || i.OwnerId == context.Account.AccountId)
            .ToList();
        string? missing = ids.Order(StringComparer.Ordinal).FirstOrDefault(id => visible.All(i => i.InstanceId != id));
        if (missing is not null)
        {
            throw InstanceErrors.InstanceNotFound(missing);
        }

        List<InstanceRecord> selected = visible.Where(i => ids.Count == 0 || ids.Contains(i.InstanceId)).ToList();
        string defaultZone = context.State.Import.AvailabilityZones[0];
        return ActionResponse.Ec2(Name, w => w.WriteItemSet("reservationSet", selected, (x, instance) =>
        {
            x.WriteElementString("reservationId", "r-" + instance.InstanceId["i-".Length..]);
            x.WriteElementString("ownerId", instance.OwnerId);
            InstanceXml.WriteGroupSet(x, instance.OwnerId);
            x.WriteItemSet("instancesSet", [instance], (y, item) => InstanceXml.Write(y, item, item.AvailabilityZone ?? defaultZone));
        }));
    }

    /// <summary>The caller's instance (or any, for an administrator); InvalidInstanceID.NotFound otherwise, as
    /// Eucalyptus hides other accounts' instances.</summary>
    public static InstanceRecord FindOwned(ActionContext context, string instanceId)
    {
        InstanceRecord? instance = context.State.Instances.FindInstance(instanceId);
        return instance is not null && (context.Account.IsAdmin || instance.OwnerId == context.Account.AccountId)
            ? instance
            : throw InstanceErrors.InstanceNotFound(instanceId);
    }
}
