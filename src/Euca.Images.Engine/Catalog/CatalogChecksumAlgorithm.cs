namespace Euca.Images.Engine.Catalog
{
    /// <summary>How a catalog says what the downloaded file must hash to.</summary>
    public enum CatalogChecksumAlgorithm
    {
        /// <summary>
        /// eustore's image name: the CRC-32 of the lower-case hex MD5 of the tarball, as ten zero-padded decimal digits
        /// (eustore-install-image checked the download this way).
        /// </summary>
        EustoreCrc32OfMd5,

        /// <summary>SHA-256 of the image, lower-case hex (euimage packs' pack-md.yml <c>image.sha256sum</c>).</summary>
        Sha256,

        /// <summary>SHA-512 of the downloaded file, lower-case hex.</summary>
        Sha512,
    }
}
