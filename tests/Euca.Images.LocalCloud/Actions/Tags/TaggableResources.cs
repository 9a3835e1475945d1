using Euca.Images.LocalCloud.Actions.Snapshots;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Tags;

/// <summary>The resources tags can be put on, as Eucalyptus 4.4 (tags/TagManager.java with the TaggableResource of
/// each type) supports them for images: images, snapshots, volumes and instances, each only by its owner. The type
/// comes from the id's prefix; an id of another kind is InvalidID, and one the caller does not own is its type's
/// NotFound.</summary>
public static class TaggableResources
{
    /// <summary>The resource type as DescribeTags names it (`image`, `snapshot`, `volume`, `instance`), after checking
    /// that the caller owns the resource.</summary>
    public static string RequireOwned(ActionContext context, string resourceId)
    {
        string type = TypeOf(resourceId);
        string caller = context.Account.AccountId;
        bool owned = type switch
        {
            "image" => context.State.FindImage(resourceId) is { } image && image.OwnerId == caller && ImageStates.IsListed(image.State),
            "snapshot" => context.State.Snapshots.Find(resourceId) is { } snapshot && snapshot.OwnerId == caller,
            "volume" => context.State.FindVolume(resourceId) is { } volume && volume.OwnerId == caller,
            _ => context.State.Instances.FindInstance(resourceId) is { } instance && instance.OwnerId == caller,
        };
        if (!owned)
        {
            throw type switch
            {
                "image" => CloudErrors.ImageNotFound([resourceId]),
                "snapshot" => SnapshotErrors.SnapshotNotFound(resourceId),
                "volume" => SnapshotErrors.VolumeNotFound(resourceId),
                _ => new CloudErrorException(400, "InvalidInstanceID.NotFound", $"The instance ID '{resourceId}' does not exist"),
            };
        }

        return type;
    }

    public static string TypeOf(string resourceId)
    {
        int dash = resourceId.IndexOf('-');
        return (dash < 0 ? "" : resourceId[..dash]) switch
        {
            "emi" or "eki" or "eri" or "ami" or "aki" or "ari" => "image",
            "snap" => "snapshot",
            "vol" => "volume",
            "i" => "instance",
            _ => throw new CloudErrorException(400, "InvalidID", $"The ID '{resourceId}' is not valid"),
        };
    }
}
