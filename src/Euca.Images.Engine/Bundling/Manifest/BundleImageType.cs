namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>The manifest's <c>image/type</c>; Eucalyptus lets only administrators register kernels and ramdisks.</summary>
    public enum BundleImageType
    {
        Machine,
        Kernel,
        Ramdisk,
    }
}
