using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// Reads named small members from the start of a euimage pack's tar without reading the rest: euca2ools writes
    /// pack-md.yml and image-md.yml before image.xz, so Find stops before the image. Understands ustar, GNU long names
    /// and pax headers (Python's tarfile writes either), and base-256 sizes; every header's checksum is verified. A
    /// member that is not wanted is skipped by seeking in a file; in a download, skipping a large one would mean
    /// reading it, so that is refused.
    /// </summary>
    internal sealed class PackTarReader
    {
        private const int BlockSize = 512;
        private const int MaxHeaders = 64;

        private readonly FetchedDocument _document;
        private readonly CatalogSource _source;
        private readonly long _maxMemberBytes;
        private byte[]? _pendingBlock;

        public PackTarReader(FetchedDocument document, byte[] firstBlock, CatalogSource source, long maxMemberBytes)
        {
            _document = document;
            _pendingBlock = firstBlock;
            _source = source;
            _maxMemberBytes = maxMemberBytes;
        }

        /// <summary>Whether <paramref name="block"/> is a tar header: a full block whose checksum is right.</summary>
        public static bool IsHeader(byte[] block) =>
            block.Length >= BlockSize && block.Take(BlockSize).Any(b => b != 0) && TryParseOctal(block, 148, 8, out long sum) && sum == Checksum(block);

        public async Task<IReadOnlyDictionary<string, byte[]>> ReadAsync(IReadOnlyCollection<string> wanted)
        {
            var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            string? longName = null;
            long? paxSize = null;
            for (int headers = 0; headers < MaxHeaders && found.Count < wanted.Count; headers++)
            {
                byte[] header = await NextBlockAsync().ConfigureAwait(false);
                if (header.Length < BlockSize || header.All(b => b == 0))
                {
                    break;
                }

                if (!IsHeader(header))
                {
                    throw Damaged("a tar header's checksum is wrong");
                }

                char type = (char)header[156];
                long size = paxSize ?? ParseSize(header);
                string name = NormalizeName(longName ?? HeaderName(header));
                (longName, paxSize) = (null, null);
                if (type == 'x' || type == 'L')
                {
                    byte[] extension = await ReadMemberAsync(size, "a tar extension header").ConfigureAwait(false);
                    if (type == 'L')
                    {
                        longName = Encoding.UTF8.GetString(extension).TrimEnd('\0');
                    }
                    else
                    {
                        (longName, paxSize) = ParsePax(extension);
                    }
                }
                else if ((type == '0' || type == '\0' || type == '7') && wanted.Contains(name))
                {
                    found[name] = await ReadMemberAsync(size, name).ConfigureAwait(false);
                }
                else
                {
                    await SkipAsync(name, size).ConfigureAwait(false);
                }
            }

            return found;
        }

        private async Task<byte[]> NextBlockAsync()
        {
            if (_pendingBlock != null)
            {
                byte[] block = _pendingBlock;
                _pendingBlock = null;
                return block;
            }

            return await CatalogFetcher.ReadUpToAsync(_document, BlockSize).ConfigureAwait(false);
        }

        private async Task<byte[]> ReadMemberAsync(long size, string what)
        {
            if (size > _maxMemberBytes)
            {
                throw CatalogFetcher.TooLarge(_document.Uri, $"pack's {what}", _maxMemberBytes);
            }

            byte[] data = await CatalogFetcher.ReadUpToAsync(_document, (int)Padded(size)).ConfigureAwait(false);
            if (data.Length < size)
            {
                throw Damaged($"it ends inside {what}");
            }

            return data.Take((int)size).ToArray();
        }

        private async Task SkipAsync(string name, long size)
        {
            if (_document.Body.CanSeek)
            {
                _document.Body.Seek(Padded(size), SeekOrigin.Current);
                return;
            }

            if (size > _maxMemberBytes)
            {
                throw JsonCatalogReader.Invalid(_source, $"stores '{name}' ({size} bytes) before its metadata, which euca2ools writes first; download the pack and read it with -Path", null);
            }

            await ReadMemberAsync(size, name).ConfigureAwait(false);
        }

        private EucaException Damaged(string problem) => JsonCatalogReader.Invalid(_source, $"is a damaged euimage pack: {problem}", null);

        private static long Padded(long size) => (size + BlockSize - 1) / BlockSize * BlockSize;

        private static string NormalizeName(string name) => name.StartsWith("./", StringComparison.Ordinal) ? name.Substring(2) : name;

        private static string HeaderName(byte[] header)
        {
            string name = Field(header, 0, 100);
            bool ustar = Encoding.ASCII.GetString(header, 257, 5) == "ustar";
            string prefix = ustar ? Field(header, 345, 155) : string.Empty;
            return prefix.Length > 0 ? prefix + "/" + name : name;
        }

        private long ParseSize(byte[] header)
        {
            if ((header[124] & 0x80) != 0)
            {
                // GNU base-256: a big-endian number in the field's remaining bits, for members of 8 GiB and more.
                long value = header[124] & 0x7F;
                for (int i = 125; i < 136; i++)
                {
                    value = checked((value << 8) | header[i]);
                }

                return value;
            }

            return TryParseOctal(header, 124, 12, out long size) ? size : throw Damaged("a member's size is not a number");
        }

        /// <summary>pax records are <c>LENGTH KEY=VALUE\n</c>; only <c>path</c> and <c>size</c> matter here.</summary>
        private (string? Path, long? Size) ParsePax(byte[] records)
        {
            string? path = null;
            long? size = null;
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
                    size = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long parsed) ? parsed : throw Damaged("a pax size is not a number");
                }
            }

            return (path, size);
        }

        private static string Field(byte[] header, int offset, int length)
        {
            int end = Array.IndexOf(header, (byte)0, offset, length);
            return Encoding.UTF8.GetString(header, offset, (end < 0 ? offset + length : end) - offset);
        }

        private static bool TryParseOctal(byte[] header, int offset, int length, out long value)
        {
            string text = Encoding.ASCII.GetString(header, offset, length).Trim(' ', '\0');
            value = 0;
            if (text.Length == 0 || text.Length > 22)
            {
                return false;
            }

            foreach (char c in text)
            {
                if (c < '0' || c > '7')
                {
                    return false;
                }

                value = (value * 8) + (c - '0');
            }

            return true;
        }

        /// <summary>The header's byte sum with its checksum field counted as spaces.</summary>
        private static long Checksum(byte[] header)
        {
            long sum = 0;
            for (int i = 0; i < BlockSize; i++)
            {
                sum += i >= 148 && i < 156 ? (byte)' ' : header[i];
            }

            return sum;
        }
    }
}
