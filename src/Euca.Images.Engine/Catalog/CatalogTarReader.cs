using System;
using System.Collections.Generic;
using System.IO;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// Reads a tarball one entry at a time from a forward-only stream (ustar, GNU long names, pax path and size), and
    /// yields only regular files. Folders are passed over; links, devices and FIFOs are refused, as are absolute paths,
    /// '..' and entries larger than the caller allows, since a catalog tarball is downloaded from the internet.
    /// </summary>
    internal sealed class CatalogTarReader
    {
        private const int Block = CatalogTarHeader.BlockSize;
        private const int MaxMetadataEntry = 64 << 10;
        private readonly Stream _stream;
        private readonly string _what;
        private readonly byte[] _header = new byte[Block];
        private long _unread;
        private long _padding;

        public CatalogTarReader(Stream stream, string what)
        {
            _stream = stream;
            _what = what;
        }

        /// <summary>The next regular file (its path normalized, without './'), or null at the end of the archive.</summary>
        public CatalogTarEntry? Next()
        {
            Skip(_unread + _padding);
            var extended = new TarExtendedHeaders();
            while (true)
            {
                if (!ReadBlock(_header) || CatalogTarHeader.IsEnd(_header))
                {
                    return null;
                }

                var header = CatalogTarHeader.Parse(_header, Corrupt);
                if (header.IsExtension)
                {
                    extended.Take(header, ReadMetadata(header.Size), Corrupt);
                    continue;
                }

                (string name, long size) = extended.ApplyTo(header);
                string path = CheckPath(name);
                if (header.IsFolder)
                {
                    Skip(size + CatalogTarHeader.PaddingOf(size));
                    continue;
                }

                if (!header.IsRegularFile)
                {
                    throw new EucaException(ErrorIds.CatalogTarEntryRefused, EucaErrorCategory.SecurityError,
                        $"{_what} holds '{path}', which is not a regular file (tar type '{header.Type}'): links, devices and FIFOs are refused.", path);
                }

                _unread = size;
                _padding = CatalogTarHeader.PaddingOf(size);
                return new CatalogTarEntry(path, size, this);
            }
        }

        /// <summary>Reads from the current entry, never past its end; an archive that ends inside it is corrupt.</summary>
        internal int ReadEntry(byte[] buffer, int offset, int count)
        {
            if (_unread == 0)
            {
                return 0;
            }

            int n = _stream.Read(buffer, offset, (int)Math.Min(count, _unread));
            if (n == 0)
            {
                throw Corrupt($"it ends {_unread} bytes before the end of an entry");
            }

            _unread -= n;
            return n;
        }

        private byte[] ReadMetadata(long size)
        {
            if (size > MaxMetadataEntry)
            {
                throw new EucaException(ErrorIds.CatalogContentTooLarge, EucaErrorCategory.InvalidData,
                    $"{_what} has a {size}-byte long-name or pax header; at most {MaxMetadataEntry} are accepted.", _what);
            }

            var bytes = new byte[size];
            if (!ReadExactly(bytes, (int)size))
            {
                throw Corrupt("it ends inside a header");
            }

            Skip(CatalogTarHeader.PaddingOf(size));
            return bytes;
        }

        private string CheckPath(string raw)
        {
            string path = raw.Replace('\\', '/');
            while (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path.Substring(2);
            }

            var parts = new List<string>(path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries));
            if (raw.Length == 0 || path.StartsWith("/", StringComparison.Ordinal) || path.Contains(":") || parts.Contains(".."))
            {
                throw new EucaException(ErrorIds.CatalogTarEntryRefused, EucaErrorCategory.SecurityError,
                    $"{_what} holds the path '{raw}', which is absolute or leaves the archive.", raw);
            }

            return string.Join("/", parts);
        }

        private bool ReadBlock(byte[] block) => ReadExactly(block, Block);

        private bool ReadExactly(byte[] buffer, int count)
        {
            int done = 0;
            while (done < count)
            {
                int n = _stream.Read(buffer, done, count - done);
                if (n == 0)
                {
                    return done == 0 && count == Block ? false : throw Corrupt("it ends inside a header");
                }

                done += n;
            }

            return true;
        }

        private void Skip(long count)
        {
            var buffer = new byte[Math.Min(count, 1 << 16)];
            while (count > 0)
            {
                int n = _stream.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
                if (n == 0)
                {
                    throw Corrupt("it ends inside an entry");
                }

                count -= n;
            }

            _unread = 0;
            _padding = 0;
        }

        private EucaException Corrupt(string why) =>
            new EucaException(ErrorIds.CatalogArchiveCorrupt, EucaErrorCategory.InvalidData, $"{_what} is not a valid tarball: {why}.", _what);
    }
}
