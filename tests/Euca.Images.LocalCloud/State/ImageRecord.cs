namespace Euca.Images.LocalCloud.State;

/// <summary>One registered image, as Eucalyptus' ImageInfo keeps it. Immutable: changes replace the record.
/// The property names double as the JSON names of the seed images in the configuration.</summary>
public sealed record ImageRecord
{
    public string ImageId { get; init; } = "";

    public string OwnerId { get; init; } = "";

    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>machine | kernel | ramdisk.</summary>
    public string ImageType { get; init; } = "machine";

    /// <summary>i386 | x86_64 (euca2ools also offers armhf and ppc*).</summary>
    public string Architecture { get; init; } = "x86_64";

    /// <summary>The internal state; see <see cref="ImageStates"/> for which ones are listed.</summary>
    public string State { get; init; } = ImageStates.Available;

    public bool IsPublic { get; init; }

    /// <summary>bucket/prefix.manifest.xml for bundled images; absent for EBS-backed ones.</summary>
    public string? ManifestLocation { get; init; }

    public DateTimeOffset CreationDate { get; init; }

    public string? KernelId { get; init; }

    public string? RamdiskId { get; init; }

    /// <summary>`windows` or absent.</summary>
    public string? Platform { get; init; }

    /// <summary>instance-store | ebs.</summary>
    public string RootDeviceType { get; init; } = "instance-store";

    public string? RootDeviceName { get; init; }

    /// <summary>paravirtual | hvm.</summary>
    public string VirtualizationType { get; init; } = "hvm";

    /// <summary>xen | kvm.</summary>
    public string Hypervisor { get; init; } = "kvm";

    /// <summary>Account ids with an explicit launch permission.</summary>
    public IReadOnlyList<string> LaunchPermissions { get; init; } = [];

    public IReadOnlyList<string> ProductCodes { get; init; } = [];

    public IReadOnlyList<BlockDeviceMappingRecord> BlockDeviceMappings { get; init; } = [];

    /// <summary>The owner's tags. Eucalyptus tags belong to an account, so only the owner sees them.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}

/// <summary>A block device mapping: either a virtual (ephemeral) device or an EBS volume from a snapshot.</summary>
public sealed record BlockDeviceMappingRecord
{
    public string DeviceName { get; init; } = "";

    public string? VirtualName { get; init; }

    public string? SnapshotId { get; init; }

    public int? VolumeSize { get; init; }

    public bool? DeleteOnTermination { get; init; }

    /// <summary>Eucalyptus reports every EBS volume as `standard`.</summary>
    public string? VolumeType { get; init; }

    public bool IsEbs => SnapshotId is not null || VolumeSize is not null;
}
