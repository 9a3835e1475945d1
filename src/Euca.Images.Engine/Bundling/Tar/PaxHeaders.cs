using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Euca.Images.Engine.Bundling.Tar
{
    /// <summary>
    /// POSIX extended header records ("%d %s=%s\n") that apply to the next member. Only the keys that change
    /// where the image data is are interpreted: size and the GNU sparse keys (formats 0.0, 0.1 and 1.0).
    /// </summary>
    internal sealed class PaxHeaders
    {
        private readonly Dictionary<string, string> values = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly List<long> sparseOffsetsAndLengths = new List<long>();

        public static PaxHeaders Parse(byte[] data, int length)
        {
            var headers = new PaxHeaders();
            int pos = 0;
            while (pos < length && data[pos] != 0)
            {
                int space = Array.IndexOf(data, (byte)' ', pos, length - pos);
                if (space < 0)
                {
                    throw new TarFormatException("A PAX extended header record has no length.");
                }
                if (!int.TryParse(Encoding.ASCII.GetString(data, pos, space - pos), NumberStyles.None, CultureInfo.InvariantCulture, out int recordLength)
                    || recordLength <= space - pos || recordLength > length - pos)
                {
                    throw new TarFormatException("A PAX extended header record's length is not a number that fits the header.");
                }
                int end = pos + recordLength;
                if (data[end - 1] != (byte)'\n')
                {
                    throw new TarFormatException("A PAX extended header record is malformed.");
                }
                string record = Encoding.UTF8.GetString(data, space + 1, end - 1 - (space + 1));
                int equals = record.IndexOf('=');
                if (equals <= 0)
                {
                    throw new TarFormatException("A PAX extended header record has no key.");
                }
                headers.Add(record.Substring(0, equals), record.Substring(equals + 1));
                pos = end;
            }
            return headers;
        }

        private void Add(string key, string value)
        {
            // Sparse format 0.0 repeats offset/numbytes pairs, so they are kept in order instead of by key.
            if (key == "GNU.sparse.offset" || key == "GNU.sparse.numbytes")
            {
                sparseOffsetsAndLengths.Add(ParseLong(value, key));
            }
            values[key] = value;
        }

        public long? Size => GetLong("size");

        /// <summary>The member's path, where it is too long for the header (the catalog's tar readers use it).</summary>
        public string? Path => values.TryGetValue("path", out string? path) ? path : null;

        /// <summary>GNU sparse format 1.0 keeps the map at the start of the member's data.</summary>
        public bool IsSparseV1 => values.TryGetValue("GNU.sparse.major", out string? major) && major == "1";

        public long? SparseRealSize => GetLong("GNU.sparse.realsize") ?? GetLong("GNU.sparse.size");

        /// <summary>The region map of sparse formats 0.0 and 0.1 (null when the member is not sparse that way).</summary>
        public IReadOnlyList<SparseRegion>? SparseMapFromHeaders()
        {
            List<long> numbers;
            if (values.TryGetValue("GNU.sparse.map", out string? map))
            {
                numbers = new List<long>();
                if (map.Length > 0)
                {
                    foreach (string part in map.Split(','))
                    {
                        numbers.Add(ParseLong(part, "GNU.sparse.map"));
                    }
                }
            }
            else if (sparseOffsetsAndLengths.Count > 0)
            {
                numbers = sparseOffsetsAndLengths;
            }
            else
            {
                return null;
            }
            if (numbers.Count % 2 != 0)
            {
                throw new TarFormatException("The PAX sparse map has an odd number of values.");
            }
            var regions = new List<SparseRegion>(numbers.Count / 2);
            for (int i = 0; i < numbers.Count; i += 2)
            {
                regions.Add(new SparseRegion(numbers[i], numbers[i + 1]));
            }
            return regions;
        }

        private long? GetLong(string key) => values.TryGetValue(key, out string? value) ? ParseLong(value, key) : (long?)null;

        private static long ParseLong(string value, string key)
        {
            if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long result))
            {
                throw new TarFormatException($"The PAX header '{key}' is not a number.");
            }
            return result;
        }
    }
}
