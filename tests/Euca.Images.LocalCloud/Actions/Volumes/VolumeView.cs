using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Instances;

namespace Euca.Images.LocalCloud.Actions.Volumes;

/// <summary>A volume as DescribeVolumes shows it: the record and where it is attached.</summary>
public sealed record VolumeView(VolumeRecord Volume, IReadOnlyList<VolumeAttachmentView> Attachments)
{
    /// <summary>Like Eucalyptus 4.4 (ComputeService.describeVolumes), an attached volume is reported in-use
    /// whatever state its record has.</summary>
    public string Status => Attachments.Count > 0 ? "in-use" : Volume.State;

    /// <summary>The caller's tags on the volume.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}

/// <summary>A volume attached to an instance at a device. The seeded attachments date from the instance's launch.</summary>
public sealed record VolumeAttachmentView(string InstanceId, string Device, DateTimeOffset AttachTime, bool DeleteOnTermination)
{
    public string Status => "attached";
}
