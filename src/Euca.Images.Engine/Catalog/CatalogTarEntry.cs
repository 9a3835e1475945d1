using System;
using System.IO;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>A regular file in a tarball being read: its path, declared size, and its bytes (once, forward only).</summary>
    internal sealed class CatalogTarEntry
    {
        private readonly CatalogTarReader _reader;

        public CatalogTarEntry(string path, long size, CatalogTarReader reader)
        {
            Path = path;
            Size = size;
            _reader = reader;
        }

        /// <summary>Normalized: forward slashes, no leading './', never absolute, never '..'.</summary>
        public string Path { get; }

        public long Size { get; }

        public string FileName => Path.Substring(Path.LastIndexOf('/') + 1);

        /// <summary>The folder the entry is in ('' at the top level).</summary>
        public string Folder => Path.LastIndexOf('/') < 0 ? string.Empty : Path.Substring(0, Path.LastIndexOf('/'));

        public Stream Open() => new EntryStream(_reader);

        private sealed class EntryStream : ForwardReadStream
        {
            private readonly CatalogTarReader _reader;

            public EntryStream(CatalogTarReader reader)
                : base(null) => _reader = reader;

            public override int Read(byte[] buffer, int offset, int count) => _reader.ReadEntry(buffer, offset, count);
        }
    }
}
