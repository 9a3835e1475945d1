using Euca.Images.LocalCloud.Actions.Tags;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Snapshots;

namespace Euca.Images.LocalCloud.Actions.Snapshots;

/// <summary>DescribeSnapshots narrowed by SnapshotId.N, Owner.N (`self`, an account id or alias) and the tag filters
/// (tag:KEY, tag-key, tag-value; Eucalyptus 4.4 Snapshots.java SnapshotFilterSupport): the caller's snapshots (all
/// for an administrator), each with the caller's tags. Requested ids that are not visible give
/// InvalidSnapshot.NotFound; any other filter is InvalidParameterValue here.</summary>
public sealed class DescribeSnapshotsAction : ICloudAction
{
    public string Name => "DescribeSnapshots";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        Account caller = context.Account;
        HashSet<string> ids = context.Parameters.GetList("SnapshotId").Select(SnapshotIds.Snapshot).ToHashSet(StringComparer.Ordinal);
        HashSet<string> owners = context.Parameters.GetList("Owner")
            .Select(o => o == "self" ? caller.AccountId : context.State.FindAccountByAlias(o)?.AccountId ?? o)
            .ToHashSet(StringComparer.Ordinal);
        List<SnapshotRecord> visible = context.State.Snapshots.SnapshotAll()
            .Where(s => caller.IsAdmin || s.OwnerId == caller.AccountId)
            .ToList();
        string? missing = ids.Order(StringComparer.Ordinal).FirstOrDefault(id => visible.All(s => s.SnapshotId != id));
        if (missing is not null)
        {
            throw SnapshotErrors.SnapshotNotFound(missing);
        }

        var tagFilters = context.Parameters.GetFilters()
            .Select(f => TagFilters.Compile(f) ?? throw CloudErrors.InvalidParameterValue($"The filter '{f.Name}' is invalid"))
            .ToList();
        IReadOnlyDictionary<string, string> TagsOf(SnapshotRecord s) => context.State.Tags.For(caller.AccountId, s.SnapshotId);
        DateTimeOffset now = context.Time.GetUtcNow();
        List<SnapshotRecord> selected = visible
            .Where(s => ids.Count == 0 || ids.Contains(s.SnapshotId))
            .Where(s => owners.Count == 0 || owners.Contains(s.OwnerId))
            .Where(s => tagFilters.All(matches => matches(TagsOf(s))))
            .ToList();
        return ActionResponse.Ec2(Name, w => w.WriteItemSet("snapshotSet", selected,
            (x, snapshot) => SnapshotXml.Write(x, snapshot, now, context.State.FindAccount(snapshot.OwnerId)?.Alias, TagsOf(snapshot))));
    }
}
