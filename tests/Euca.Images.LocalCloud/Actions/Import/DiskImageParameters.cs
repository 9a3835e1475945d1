using System.Globalization;
using Euca.Images.LocalCloud.Auth;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Import;

/// <summary>The disk of an import request (Image.Format, Image.Bytes, Image.ImportManifestUrl, Volume.Size),
/// checked as Eucalyptus does: RAW or VMDK only (it refuses VHD), a volume large enough for the image, and a
/// manifest URL in this cloud's object storage that the caller's account signed.</summary>
public sealed record DiskImageParameters(string Format, long ImageBytes, int VolumeSize, string ManifestUrl)
{
    public static DiskImageParameters From(QueryParameters parameters, string prefix, ActionContext context)
    {
        Uri storage = context.State.Import.ObjectStorageUrl ?? throw ImportErrors.NoObjectStorage();
        string format = parameters.GetRequired(prefix + "Image.Format").ToUpperInvariant();
        if (format is not ("RAW" or "VMDK"))
        {
            throw CloudErrors.InvalidParameterValue($"Image.Format {format} is not supported; use RAW or VMDK.");
        }

        long bytes = ParseLong(parameters.GetRequired(prefix + "Image.Bytes"), prefix + "Image.Bytes");
        int volumeSize = (int)ParseLong(parameters.GetRequired(prefix + "Volume.Size"), prefix + "Volume.Size");
        long needed = Math.Max(1, (bytes + (1L << 30) - 1) >> 30);
        if (bytes <= 0 || volumeSize < needed)
        {
            throw CloudErrors.InvalidParameterValue($"A {volumeSize} GiB volume cannot hold an image of {bytes} bytes.");
        }

        string manifestUrl = parameters.GetRequired(prefix + "Image.ImportManifestUrl");
        if (SigV2QueryVerifier.Check(manifestUrl, "GET", storage, context.Account, context.Time.GetUtcNow()) is string bad)
        {
            throw CloudErrors.InvalidParameterValue($"Image.ImportManifestUrl is not usable: {bad}.");
        }

        return new DiskImageParameters(format, bytes, volumeSize, manifestUrl);
    }

    public static string Zone(string? zone, ActionContext context)
    {
        IReadOnlyList<string> zones = context.State.Import.AvailabilityZones;
        string chosen = zone ?? zones[0];
        return zones.Contains(chosen) ? chosen : throw ImportErrors.ZoneNotFound(chosen);
    }

    private static long ParseLong(string text, string name) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw CloudErrors.InvalidParameterValue($"{name} '{text}' is not a number.");
}
