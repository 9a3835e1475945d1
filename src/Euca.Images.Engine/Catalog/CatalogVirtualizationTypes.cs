namespace Euca.Images.Engine.Catalog
{
    /// <summary>The virtualization types catalog entries declare, as EC2 names them.</summary>
    public static class CatalogVirtualizationTypes
    {
        public const string Hvm = "hvm";

        /// <summary>eustore's images (kernel and ramdisk in the tarball) are paravirtual unless they say otherwise.</summary>
        public const string Paravirtual = "paravirtual";
    }
}
