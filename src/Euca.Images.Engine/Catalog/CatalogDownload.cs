namespace Euca.Images.Engine.Catalog
{
    /// <summary>A finished, verified download and what it took.</summary>
    public sealed class CatalogDownload
    {
        internal CatalogDownload(string path, long size, long bytesReceived, int attempts)
        {
            Path = path;
            Size = size;
            BytesReceived = bytesReceived;
            Attempts = attempts;
        }

        public string Path { get; }

        public long Size { get; }

        /// <summary>Bytes this run received from the network; less than <see cref="Size"/> when a partial file was resumed.</summary>
        public long BytesReceived { get; }

        /// <summary>Requests made, the first included.</summary>
        public int Attempts { get; }
    }
}
