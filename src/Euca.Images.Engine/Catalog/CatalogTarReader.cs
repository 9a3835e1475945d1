using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
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
        private const int Block = 512;
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
            string? longName = null;
            long? paxSize = null;
            while (true)
            {
                if (!ReadBlock(_header) || IsZero(_header))
                {
                    return null;
                }

                CheckHeaderChecksum();
                char type = (char)_header[156];
                long size = ParseNumber(124, 12);
                switch (type)
                {
                    case 'L':
                        longName = Encoding.UTF8.GetString(ReadMetadata(size)).TrimEnd('\0');
                        continue;
                    case 'x':
                        ApplyPax(ReadMetadata(size), ref longName, ref paxSize);
                        continue;
                    case 'g':
                        ReadMetadata(size);
                        continue;
                }

                string path = CheckPath(longName ?? HeaderName());
                size = paxSize ?? size;
                longName = null;
                paxSize = null;
                if (type == '5')
                {
                    Skip(size + PaddingOf(size));
                    continue;
                }

                if (type != '0' && type != '\0' && type != '7')
                {
                    throw new EucaException(ErrorIds.CatalogTarEntryRefused, EucaErrorCategory.SecurityError,
                        $"{_what} holds '{path}', which is not a regular file (tar type '{type}'): links, devices and FIFOs are refused.", path);
                }

                _unread = size;
                _padding = PaddingOf(size);
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

        private static long PaddingOf(long size) => (Block - (size % Block)) % Block;

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

            Skip(PaddingOf(size));
            return bytes;
        }

        /// <summary>pax records are "LENGTH key=value\n"; only the path and size matter here.</summary>
        private void ApplyPax(byte[] records, ref string? path, ref long? size)
        {
            foreach (string record in Encoding.UTF8.GetString(records).Split('\n'))
            {
                int space = record.IndexOf(' ');
                int equals = record.IndexOf('=');
                if (space < 0 || equals < space)
                {
                    continue;
                }

                string key = record.Substring(space + 1, equals - space - 1);
                string value = record.Substring(equals + 1);
                if (key == "path")
                {
                    path = value;
                }
                else if (key == "size")
                {
                    size = long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long parsed) && parsed >= 0
                        ? parsed
                        : throw Corrupt($"its pax size '{value}' is not a number");
                }
            }
        }

        private string HeaderName()
        {
            string name = Field(0, 100);
            // ustar splits long paths into a prefix (offset 345) and the name.
            string prefix = Encoding.ASCII.GetString(_header, 257, 5) == "ustar" && _header[262] == 0 ? Field(345, 155) : string.Empty;
            return prefix.Length > 0 ? prefix + "/" + name : name;
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

        private void CheckHeaderChecksum()
        {
            long stored = ParseNumber(148, 8);
            long sum = 0;
            for (int i = 0; i < Block; i++)
            {
                sum += i >= 148 && i < 156 ? (byte)' ' : _header[i];
            }

            if (sum != stored)
            {
                throw Corrupt("a header's checksum is wrong");
            }
        }

        /// <summary>Octal digits, or GNU's base-256 form (high bit set) for sizes of 8 GiB and more.</summary>
        private long ParseNumber(int offset, int length)
        {
            if ((_header[offset] & 0x80) != 0)
            {
                long value = _header[offset] & 0x7F;
                for (int i = 1; i < length; i++)
                {
                    if (value > (long.MaxValue >> 8))
                    {
                        throw Corrupt("a number in a header is too large");
                    }

                    value = (value << 8) | _header[offset + i];
                }

                return value;
            }

            long result = 0;
            string text = Field(offset, length).Trim(' ', '\0');
            foreach (char c in text)
            {
                if (c < '0' || c > '7' || result > (long.MaxValue >> 3))
                {
                    throw Corrupt($"the header number '{text}' is not octal");
                }

                result = (result << 3) + (c - '0');
            }

            return result;
        }

        private string Field(int offset, int length)
        {
            int end = Array.IndexOf(_header, (byte)0, offset, length);
            return Encoding.UTF8.GetString(_header, offset, (end < 0 ? offset + length : end) - offset);
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

        private static bool IsZero(byte[] block) => Array.TrueForAll(block, b => b == 0);

        private EucaException Corrupt(string why) =>
            new EucaException(ErrorIds.CatalogArchiveCorrupt, EucaErrorCategory.InvalidData, $"{_what} is not a valid tarball: {why}.", _what);
    }
}
