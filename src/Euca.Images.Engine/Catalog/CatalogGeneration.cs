namespace Euca.Images.Engine.Catalog
{
    /// <summary>The generation of the Eucalyptus Machine Image catalog an entry was read from (eucalyptus.md §1.7).</summary>
    public enum CatalogGeneration
    {
        /// <summary>The eustore catalog, version <c>eustore-catalog-2011-12-29</c> (euca2ools 2.x-3.0).</summary>
        Eustore,

        /// <summary>The 4.x FastStart <c>catalog-web</c> list read by install-emis.</summary>
        CatalogWeb,

        /// <summary>The 5.x eucalyptus-images JSON read by install-images.py.</summary>
        EucalyptusImages,

        /// <summary>A euimage pack (euca2ools 3.2+): a tar of pack-md.yml, image-md.yml and image.xz.</summary>
        EuimagePack,
    }
}
