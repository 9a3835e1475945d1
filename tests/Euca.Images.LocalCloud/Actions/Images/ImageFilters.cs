using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Images;

/// <summary>The DescribeImages filters Eucalyptus supports (images/Images.java ImageInfoFilterSupport). Each
/// filter yields the image's values for that name; the image matches if any value matches any pattern.</summary>
public static class ImageFilters
{
    /// <summary>Filters AWS has that Eucalyptus rejects.</summary>
    private static readonly HashSet<string> Unsupported = ["hypervisor", "product-code.type", "state-reason-code", "state-reason-message"];

    private static readonly Dictionary<string, Func<ImageRecord, ImageView, IEnumerable<string>>> Table = new(StringComparer.Ordinal)
    {
        ["architecture"] = (i, _) => One(i.Architecture),
        ["block-device-mapping.delete-on-termination"] = (i, _) => Ebs(i).Select(m => Bool(m.DeleteOnTermination ?? false)),
        ["block-device-mapping.device-name"] = (i, _) => i.BlockDeviceMappings.Select(m => m.DeviceName),
        ["block-device-mapping.snapshot-id"] = (i, _) => Ebs(i).Select(m => m.SnapshotId).OfType<string>(),
        ["block-device-mapping.volume-size"] = (i, _) => Ebs(i).Select(m => m.VolumeSize?.ToString(System.Globalization.CultureInfo.InvariantCulture)).OfType<string>(),
        ["block-device-mapping.volume-type"] = (i, _) => Ebs(i).Select(m => m.VolumeType ?? "standard"),
        ["description"] = (i, _) => One(i.Description),
        ["image-id"] = (i, _) => One(i.ImageId),
        ["image-type"] = (i, _) => One(i.ImageType),
        ["is-public"] = (i, _) => One(Bool(i.IsPublic)),
        ["kernel-id"] = (i, _) => One(i.KernelId),
        ["manifest-location"] = (i, _) => One(i.ManifestLocation),
        ["name"] = (i, _) => One(i.Name),
        ["owner-alias"] = (_, v) => One(v.OwnerAlias),
        ["owner-id"] = (i, _) => One(i.OwnerId),
        ["platform"] = (i, _) => One(i.Platform),
        ["product-code"] = (i, _) => i.ProductCodes,
        ["ramdisk-id"] = (i, _) => One(i.RamdiskId),
        ["root-device-name"] = (i, _) => One(i.RootDeviceName),
        ["root-device-type"] = (i, _) => One(i.RootDeviceType),
        ["state"] = (i, _) => One(i.State),
        ["virtualization-type"] = (i, _) => One(i.VirtualizationType),
        ["tag-key"] = (_, v) => v.Tags.Keys,
        ["tag-value"] = (_, v) => v.Tags.Values,
    };

    /// <summary>Compiles the request's filters into one predicate; unknown or unsupported names are
    /// InvalidParameterValue errors naming the filter.</summary>
    public static Func<ImageRecord, ImageView, bool> Compile(IReadOnlyList<RequestFilter> filters)
    {
        var compiled = new List<Func<ImageRecord, ImageView, bool>>();
        foreach (RequestFilter filter in filters)
        {
            Func<ImageRecord, ImageView, IEnumerable<string>> values = ValuesOf(filter.Name);
            WildcardPattern[] patterns = filter.Values.Select(v => new WildcardPattern(v)).ToArray();
            compiled.Add((image, view) => values(image, view).Any(value => patterns.Any(p => p.IsMatch(value))));
        }

        return (image, view) => compiled.All(f => f(image, view));
    }

    private static Func<ImageRecord, ImageView, IEnumerable<string>> ValuesOf(string name)
    {
        if (name.StartsWith("tag:", StringComparison.Ordinal) && name.Length > 4)
        {
            string key = name[4..];
            return (_, view) => One(view.Tags.GetValueOrDefault(key));
        }

        if (Unsupported.Contains(name))
        {
            throw CloudErrors.InvalidParameterValue($"The filter '{name}' is not supported by Eucalyptus.");
        }

        return Table.GetValueOrDefault(name) ?? throw CloudErrors.InvalidParameterValue($"The filter '{name}' is invalid");
    }

    private static IEnumerable<string> One(string? value) => value is null ? [] : [value];

    private static string Bool(bool value) => value ? "true" : "false";

    private static IEnumerable<BlockDeviceMappingRecord> Ebs(ImageRecord image) => image.BlockDeviceMappings.Where(m => m.IsEbs);
}
