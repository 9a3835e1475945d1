namespace Euca.Images.Engine.Errors
{
    /// <summary>The catalogue's ids for finding and reading the Eucalyptus Machine Image catalog (every generation).</summary>
    public static partial class ErrorIds
    {
        /// <summary>
        /// The catalog location (-Uri, <c>EUSTORE_URL</c> or <c>eustore-url</c> in the euca2ools configuration) is not an
        /// absolute http, https or file URL. Give a full URL such as <c>https://host/images/catalog.json</c>, or use -Path
        /// for a local file.
        /// </summary>
        public static readonly ErrorId CatalogUriInvalid = new ErrorId(nameof(CatalogUriInvalid));

        /// <summary>The catalog file does not exist, or the server answered 404 for it. Check the path or URL.</summary>
        public static readonly ErrorId CatalogNotFound = new ErrorId(nameof(CatalogNotFound));

        /// <summary>
        /// The catalog (or a document an entry refers to) could not be read: the server refused the connection or
        /// answered with an error status, or the file is unreadable. Check the URL, the network and any proxy, then
        /// try again.
        /// </summary>
        public static readonly ErrorId CatalogUnreachable = new ErrorId(nameof(CatalogUnreachable));

        /// <summary>
        /// The server did not send the whole catalog (or the document an entry refers to) in time. Try again later, or
        /// download the catalog and read it with -Path.
        /// </summary>
        public static readonly ErrorId CatalogTimeout = new ErrorId(nameof(CatalogTimeout));

        /// <summary>
        /// The catalog, an entry's <c>url-meta</c> document or a euimage pack's metadata is larger than any real one
        /// (catalogs are a few kilobytes): the URL names something else, or the server is hostile. Check the URL.
        /// </summary>
        public static readonly ErrorId CatalogTooLarge = new ErrorId(nameof(CatalogTooLarge));

        /// <summary>
        /// The document is not a catalog of any known generation: not JSON (or nested too deeply), without an
        /// <c>images</c> array, or a euimage pack whose tar or metadata is damaged (image-md.yml not matching the
        /// checksum pack-md.yml gives). Check that the URL or file is an image catalog or a .euimage pack.
        /// </summary>
        public static readonly ErrorId CatalogInvalid = new ErrorId(nameof(CatalogInvalid));

        /// <summary>
        /// One entry of the catalog lacks a field its generation requires, has a field of the wrong type, or names a
        /// download URL that is not http or https (file URLs only in a catalog read from a file). The entry is skipped
        /// and the others are still listed; tell the catalog's maintainer.
        /// </summary>
        public static readonly ErrorId CatalogEntryInvalid = new ErrorId(nameof(CatalogEntryInvalid));

        /// <summary>
        /// A eucalyptus-images entry with <c>url-meta</c> could not be given its download URL: the meta document could
        /// not be fetched, its <c>url-meta-regex</c> is not a valid expression, does not match, took too long, or matched
        /// something that is not an http or https URL. The entry is skipped and the others are still listed; try again
        /// later or tell the catalog's maintainer.
        /// </summary>
        public static readonly ErrorId CatalogUrlMetaUnresolved = new ErrorId(nameof(CatalogUrlMetaUnresolved));
    }
}
