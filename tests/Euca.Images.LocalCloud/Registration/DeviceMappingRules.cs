using System.Text.RegularExpressions;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Registration;

/// <summary>Block device mapping checks of Eucalyptus 4.x (images/Images.java validateBlockDeviceMappings): names
/// `(/dev/)?([svh]|xv)d[a-z]` plus digits, no partitions (except /dev/sda1 as an EBS root, rewritten to /dev/sda when
/// /dev/sda is not mapped too), no duplicates, virtual names ephemeral0-3 and only one of them, EBS mappings only where
/// allowed, no zero sizes. Eucalyptus raises MetadataException for these; the local cloud answers InvalidParameterValue.</summary>
public static partial class DeviceMappingRules
{
    public const string RootDevice = "/dev/sda";
    public const string PartitionedRootDevice = "/dev/sda1";

    [GeneratedRegex("^(/dev/)?([svh]|xv)d[a-z]([1-9])*$")]
    private static partial Regex DeviceName();

    [GeneratedRegex("^ephemeral[0123]$")]
    private static partial Regex EphemeralName();

    [GeneratedRegex("^snap-([0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex SnapshotId();

    /// <summary>The request's `BlockDeviceMapping.N.*` entries as records (NoDevice kept as a null-only mapping).</summary>
    public static List<(BlockDeviceMappingRecord Mapping, bool NoDevice)> Read(QueryParameters parameters)
    {
        var mappings = new List<(BlockDeviceMappingRecord, bool)>();
        foreach (QueryParameters item in parameters.GetStructList("BlockDeviceMapping"))
        {
            string device = item.Get("DeviceName") ?? throw CloudErrors.MissingParameter("BlockDeviceMapping.N.DeviceName");
            int? size = item.Get("Ebs.VolumeSize") is { } sizeText
                ? int.TryParse(sizeText, out int parsed) ? parsed : throw CloudErrors.InvalidParameterValue($"Invalid volume size '{sizeText}' for {device}")
                : null;
            bool? delete = item.Get("Ebs.DeleteOnTermination") is { } deleteText ? deleteText.Equals("true", StringComparison.OrdinalIgnoreCase) : null;
            mappings.Add((new BlockDeviceMappingRecord
            {
                DeviceName = device,
                VirtualName = item.Get("VirtualName"),
                SnapshotId = item.Get("Ebs.SnapshotId"),
                VolumeSize = size,
                DeleteOnTermination = delete,
                VolumeType = item.Get("Ebs.SnapshotId") is not null || size is not null ? "standard" : null,
            }, item.Get("NoDevice") is not null));
        }

        return mappings;
    }

    public static void Validate(IReadOnlyList<(BlockDeviceMappingRecord Mapping, bool NoDevice)> mappings, bool allowEbs, bool allowSda1Root)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach ((BlockDeviceMappingRecord mapping, _) in mappings)
        {
            if (!names.Add(mapping.DeviceName.Replace("/dev/", "", StringComparison.Ordinal)))
            {
                throw CloudErrors.InvalidParameterValue($"{mapping.DeviceName} is assigned multiple times");
            }
        }

        int ephemerals = 0;
        foreach ((BlockDeviceMappingRecord mapping, bool noDevice) in mappings)
        {
            string device = mapping.DeviceName;
            if (!DeviceName().IsMatch(device))
            {
                throw CloudErrors.InvalidParameterValue($"Device name {device} is invalid");
            }

            bool sda1AsRoot = allowSda1Root && device == PartitionedRootDevice && !names.Contains("sda");
            if (char.IsDigit(device[^1]) && !sda1AsRoot)
            {
                throw CloudErrors.InvalidParameterValue($"{device} is not supported. Device name cannot be a partition");
            }

            if (noDevice)
            {
                continue;
            }

            if (mapping.VirtualName is { Length: > 0 } virtualName)
            {
                if (!EphemeralName().IsMatch(virtualName))
                {
                    throw CloudErrors.InvalidParameterValue($"Virtual device name must be of the form ephemeral[0123]. Fix the mapping for {device}");
                }

                if (++ephemerals > 1)
                {
                    throw CloudErrors.InvalidParameterValue("Only one ephemeral device is supported. More than one ephemeral device mappings found");
                }
            }
            else if (mapping.IsEbs)
            {
                if (!allowEbs)
                {
                    throw CloudErrors.InvalidParameterValue("Ebs block device mappings are not supported");
                }

                if (mapping.SnapshotId is { } snapshot && !SnapshotId().IsMatch(snapshot))
                {
                    throw CloudErrors.InvalidParameterValue($"Unable to find snapshot {snapshot} in the block device mapping for {device}");
                }

                if (mapping.SnapshotId is null && mapping.VolumeSize == 0)
                {
                    throw CloudErrors.InvalidParameterValue($"Volume size for {device} cannot be 0");
                }
            }
            else
            {
                throw CloudErrors.InvalidParameterValue($"Incorrectly constructed block device mapping for {device} . Refer to documentation");
            }
        }
    }
}
