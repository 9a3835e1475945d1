using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Images;

/// <summary>What a particular caller sees of an image beyond its record: the owner's alias, and the tags of the
/// caller's own account (Eucalyptus tags are per account, so only the owner sees the seeded tags): the seeded ones
/// and those CreateTags put on it.</summary>
public sealed record ImageView(string? OwnerAlias, IReadOnlyDictionary<string, string> Tags)
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();

    public static ImageView For(ImageRecord image, Account caller, CloudState state) => new(
        state.FindAccount(image.OwnerId)?.Alias,
        Merge(image.OwnerId == caller.AccountId ? image.Tags : NoTags, state.Tags.For(caller.AccountId, image.ImageId)));

    private static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> seeded, IReadOnlyDictionary<string, string> created) =>
        created.Count == 0 ? seeded : seeded.Concat(created).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
}
