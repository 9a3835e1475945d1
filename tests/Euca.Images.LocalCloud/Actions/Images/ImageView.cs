using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Images;

/// <summary>What a particular caller sees of an image beyond its record: the owner's alias, and the tags of the
/// caller's own account (Eucalyptus tags are per account, so only the owner sees the seeded tags).</summary>
public sealed record ImageView(string? OwnerAlias, IReadOnlyDictionary<string, string> Tags)
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    public static ImageView For(ImageRecord image, Account caller, CloudState state) => new(
        state.FindAccount(image.OwnerId)?.Alias,
        image.OwnerId == caller.AccountId ? image.Tags : NoTags);
}
