using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Import;

/// <summary>The EC2 errors of the import and volume actions.</summary>
public static class ImportErrors
{
    public static CloudErrorException TaskNotFound(string id) =>
        new(400, "InvalidConversionTaskId", $"The conversion task ID '{id}' does not exist");

    public static CloudErrorException VolumeNotFound(string id) =>
        new(400, "InvalidVolume.NotFound", $"The volume '{id}' does not exist.");

    public static CloudErrorException ZoneNotFound(string zone) =>
        new(400, "InvalidZone.NotFound", $"The zone '{zone}' does not exist.");

    public static CloudErrorException NoObjectStorage() =>
        new(503, "Unavailable", "Imaging is not available: the local cloud was started without --object-storage-url.");
}
