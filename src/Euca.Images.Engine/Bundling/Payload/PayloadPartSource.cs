using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Files;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>One part to read back, as the manifest lists it, with a way to open its bytes (a file, an HTTP body).</summary>
    public sealed class PayloadPartSource
    {
        public PayloadPartSource(int index, string fileName, string sha1, Func<CancellationToken, Task<Stream>> open, long? size = null)
        {
            Index = index;
            FileName = fileName ?? throw new ArgumentNullException(nameof(fileName));
            Sha1 = sha1 ?? throw new ArgumentNullException(nameof(sha1));
            Open = open ?? throw new ArgumentNullException(nameof(open));
            Size = size;
        }

        public int Index { get; }

        public string FileName { get; }

        /// <summary>Expected SHA-1 of the part's bytes (hex, either case).</summary>
        public string Sha1 { get; }

        /// <summary>Expected length when known (manifests do not carry it; listings do).</summary>
        public long? Size { get; }

        /// <summary>Opens the part's bytes; throws <see cref="FileNotFoundException"/> when the part does not exist.</summary>
        public Func<CancellationToken, Task<Stream>> Open { get; }

        /// <summary>A part stored as a file.</summary>
        public static PayloadPartSource FromFile(int index, string path, string sha1) =>
            new PayloadPartSource(index, Path.GetFileName(path), sha1,
                _ => Task.FromResult<Stream>(RegularFile.OpenRead(path, bufferSize: 1, FileOptions.SequentialScan)));
    }
}
