namespace Euca.Images.LocalCloud.State;

/// <summary>Eucalyptus' internal image states (ImageMetadata.State). Only pending, available and failed are
/// listed; the others stay hidden unless an administrator asks with the pseudo image id `verbose`.</summary>
public static class ImageStates
{
    public const string Pending = "pending";
    public const string PendingAvailable = "pending_available";
    public const string PendingConversion = "pending_conversion";
    public const string Available = "available";
    public const string Failed = "failed";
    public const string Deregistered = "deregistered";
    public const string DeregisteredCleanup = "deregistered_cleanup";
    public const string Hidden = "hidden";
    public const string Unavailable = "unavailable";

    private static readonly HashSet<string> Known =
    [
        Pending, PendingAvailable, PendingConversion, Available, Failed, Deregistered, DeregisteredCleanup, Hidden,
        Unavailable,
    ];

    public static bool IsKnown(string state) => Known.Contains(state);

    public static bool IsListed(string state) => state is Pending or Available or Failed;
}
