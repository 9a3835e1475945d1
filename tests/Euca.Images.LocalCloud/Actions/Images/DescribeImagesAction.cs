using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Images;

/// <summary>DescribeImages as Eucalyptus 4.4 ImageManager.describe does it: visible images in listed states
/// (all states for an administrator who passes the pseudo id `verbose`), narrowed by ImageId.N, Owner.N,
/// ExecutableBy.N and Filter.N; requested ids that are not visible give InvalidAMIID.NotFound.</summary>
public sealed class DescribeImagesAction : ICloudAction
{
    private const string VerbosePseudoId = "verbose";

    public string Name => "DescribeImages";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    private ActionResponse Execute(ActionContext context)
    {
        Account caller = context.Account;
        List<string> requestedIds = context.Parameters.GetList("ImageId").ToList();
        bool showAllStates = caller.IsAdmin && requestedIds.Remove(VerbosePseudoId);
        HashSet<string> imageIds = requestedIds
            .Select(id => ImageIds.Canonicalize(id) ?? throw CloudErrors.ImageIdMalformed(id))
            .ToHashSet(StringComparer.Ordinal);
        Func<ImageRecord, bool> isOwnerMatch = OwnerPredicate(context.Parameters.GetList("Owner"), caller, context.State);
        Func<ImageRecord, bool> isExecutableMatch = ExecutableByPredicate(context.Parameters.GetList("ExecutableBy"), caller);
        Func<ImageRecord, ImageView, bool> isFilterMatch = ImageFilters.Compile(context.Parameters.GetFilters());

        List<ImageRecord> accessible = context.State.SnapshotImages()
            .Where(i => ImageAccess.IsVisibleTo(i, caller) && (showAllStates || ImageStates.IsListed(i.State)))
            .ToList();
        string[] missing = imageIds.Where(id => accessible.All(i => i.ImageId != id)).Order(StringComparer.Ordinal).ToArray();
        if (missing.Length > 0)
        {
            throw CloudErrors.ImageNotFound(missing);
        }

        var selected = accessible
            .Where(i => imageIds.Count == 0 || imageIds.Contains(i.ImageId))
            .Where(isOwnerMatch)
            .Where(isExecutableMatch)
            .Select(i => (Image: i, View: ImageView.For(i, caller, context.State)))
            .Where(x => isFilterMatch(x.Image, x.View))
            .ToList();

        return ActionResponse.Ec2(Name, w => w.WriteItemSet("imagesSet", selected, (x, item) => ImageXml.Write(x, item.Image, item.View)));
    }

    /// <summary>Owner.N: `self`, a 12-digit account id, or an owner alias (such as `eucalyptus`).</summary>
    private static Func<ImageRecord, bool> OwnerPredicate(IReadOnlyList<string> owners, Account caller, CloudState state)
    {
        if (owners.Count == 0)
        {
            return _ => true;
        }

        HashSet<string> ownerIds = owners
            .Select(o => o == "self" ? caller.AccountId : state.FindAccountByAlias(o)?.AccountId ?? o)
            .ToHashSet(StringComparer.Ordinal);
        return image => ownerIds.Contains(image.OwnerId);
    }

    /// <summary>ExecutableBy.N: `all` selects public images, `self` and account ids select images with an
    /// explicit launch permission for that account (Eucalyptus Images.filterExecutableBy).</summary>
    private static Func<ImageRecord, bool> ExecutableByPredicate(IReadOnlyList<string> executableBy, Account caller)
    {
        if (executableBy.Count == 0)
        {
            return _ => true;
        }

        bool all = executableBy.Contains("all");
        string[] accounts = executableBy
            .Where(e => e != "all")
            .Select(e => e == "self" ? caller.AccountId : e)
            .ToArray();
        return image => (all && image.IsPublic) || accounts.Any(a => ImageAccess.HasLaunchPermission(image, a));
    }
}
