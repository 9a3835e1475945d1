namespace Euca.Images.LocalCloud.State.Instances;

/// <summary>One instance with the fields DescribeInstances, CreateImage and BundleInstance use. Immutable: changes
/// replace the record. The property names double as the JSON names of the seeded instances.</summary>
public sealed record InstanceRecord
{
    public string InstanceId { get; init; } = "";

    public string OwnerId { get; init; } = "";

    public string ImageId { get; init; } = "";

    /// <summary>pending | running | shutting-down | terminated | stopping | stopped.</summary>
    public string State { get; init; } = InstanceStates.Running;

    public string InstanceType { get; init; } = "m1.small";

    public string Architecture { get; init; } = "x86_64";

    /// <summary>instance-store | ebs.</summary>
    public string RootDeviceType { get; init; } = "instance-store";

    public string RootDeviceName { get; init; } = "/dev/sda";

    /// <summary>`windows` or absent.</summary>
    public string? Platform { get; init; }

    public string VirtualizationType { get; init; } = "hvm";

    public DateTimeOffset LaunchTime { get; init; }

    /// <summary>The zone it runs in; absent for the seeded instances, which run in the cloud's first zone.</summary>
    public string? AvailabilityZone { get; init; }

    public string? KeyName { get; init; }

    /// <summary>The attached EBS volumes (the root volume first for EBS-backed instances).</summary>
    public IReadOnlyList<InstanceVolumeRecord> BlockDeviceMappings { get; init; } = [];

    /// <summary>How often CreateImage rebooted the instance (NoReboot leaves it alone); tests read it.</summary>
    public int RebootCount { get; init; }

    public bool IsEbsBacked => RootDeviceType == "ebs";
}

/// <summary>An EBS volume attached to an instance at a device name.</summary>
public sealed record InstanceVolumeRecord
{
    public string DeviceName { get; init; } = "";

    public string VolumeId { get; init; } = "";

    public bool DeleteOnTermination { get; init; } = true;
}
