using Euca.Images.LocalCloud.Actions.Tags;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Snapshots;

namespace Euca.Images.LocalCloud.Actions.Snapshots;

/// <summary>DescribeSnapshots as Eucalyptus 4.4 answers it (compute-service ComputeService.describeSnapshots): the
/// snapshots the caller may see (its own, public ones and those shared with it; all for an administrator), narrowed
/// by SnapshotId.N, Owner.N (`self`, an account id or alias) and RestorableBy.N. RestorableBy follows
/// Snapshots.filterRestorableBy: `self` keeps snapshots with an explicit createVolumePermission for the caller, `all`
/// public ones, an account id those shared with it; owning a snapshot does not make it "restorable by" its owner. So
/// euca-describe-snapshots, which merges an Owner=self answer with a RestorableBy=self answer, lists each snapshot
/// once. The tag filters (tag:KEY, tag-key, tag-value; Snapshots.java SnapshotFilterSupport) match the caller's tags,
/// which each snapshot shows. Requested ids that are not visible give InvalidSnapshot.NotFound; any other filter is
/// InvalidParameterValue here; `snapshotSet` is always present.</summary>
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
        Func<SnapshotRecord, bool> isRestorable = RestorableBy(context.Parameters.GetList("RestorableBy"), caller.AccountId);
        List<SnapshotRecord> visible = context.State.Snapshots.SnapshotAll()
            .Where(s => caller.IsAdmin || s.OwnerId == caller.AccountId || s.IsPublic || s.HasPermission([caller.AccountId]))
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
            .Where(isRestorable)
            .Where(s => tagFilters.All(matches => matches(TagsOf(s))))
            .ToList();
        return ActionResponse.Ec2(Name, w => w.WriteItemSet("snapshotSet", selected,
            (x, snapshot) => SnapshotXml.Write(x, snapshot, now, context.State.FindAccount(snapshot.OwnerId)?.Alias, TagsOf(snapshot))));
    }

    private static Func<SnapshotRecord, bool> RestorableBy(IReadOnlyList<string> requested, string callerAccountId)
    {
        bool self = requested.Contains("self");
        bool all = requested.Contains("all");
        string[] accounts = requested.Where(a => a is not ("self" or "all")).ToArray();
        if (!self && !all && accounts.Length == 0)
        {
            return _ => true;
        }

        return s => (all && s.IsPublic) || (self && s.HasPermission([callerAccountId])) || s.HasPermission(accounts);
    }
}
