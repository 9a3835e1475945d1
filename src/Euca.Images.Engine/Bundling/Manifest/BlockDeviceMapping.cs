namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// One <c>machine_configuration/block_device_mapping/mapping</c>: a virtual name the cloud understands
    /// (<c>ami</c>, <c>root</c>, <c>swap</c>, <c>ephemeralN</c>) and the guest device it maps to.
    /// </summary>
    public sealed class BlockDeviceMapping
    {
        public BlockDeviceMapping(string virtualName, string device)
        {
            VirtualName = virtualName;
            Device = device;
        }

        public string VirtualName { get; }

        public string Device { get; }
    }
}
