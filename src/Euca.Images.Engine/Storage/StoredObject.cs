namespace Euca.Images.Engine.Storage
{
    /// <summary>An object's key, size and ETag as a listing or HEAD reports them.</summary>
    internal sealed class StoredObject
    {
        public StoredObject(string key, long size, string? eTag)
        {
            Key = key;
            Size = size;
            ETag = ObjectStore.UnquoteETag(eTag);
        }

        public string Key { get; }

        public long Size { get; }

        /// <summary>Without quotes; the MD5 of the content for objects stored with a single PUT.</summary>
        public string ETag { get; }
    }
}
