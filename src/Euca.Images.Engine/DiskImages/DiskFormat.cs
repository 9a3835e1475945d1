namespace Euca.Images.Engine.DiskImages
{
    /// <summary>The container formats a disk image is read from; raw is what is left when no other format matches.</summary>
    public enum DiskFormat
    {
        Raw,
        Vhd,
        Vhdx,
        Vmdk,
        Qcow2,
    }
}
