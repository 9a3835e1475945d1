namespace Euca.Images.Engine.Volumes
{
    /// <summary>Where a volume is attached: the instance and the device name it has there.</summary>
    public sealed class VolumeAttachmentInfo
    {
        public string? InstanceId { get; set; }

        public string? Device { get; set; }

        /// <summary>attaching, attached, detaching or detached.</summary>
        public string? State { get; set; }

        public override string ToString() => $"{InstanceId}:{Device}";
    }
}
