using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace Euca.Images.Engine.DiskImages.Vmdk
{
    /// <summary>
    /// The text descriptor of a VMDK: a file of its own for monolithicFlat, embedded in the header's sectors for
    /// monolithicSparse and streamOptimized. Only the lines a reader needs are kept: createType, parentCID and the
    /// extent lines (<c>RW 32768 FLAT "disk-flat.vmdk" 0</c>).
    /// </summary>
    internal sealed class VmdkDescriptor
    {
        public const int MaxLength = 1 << 20;
        private const string NoParent = "ffffffff";
        private static readonly Regex ExtentLine = new Regex(
            @"^(RW|RDONLY|NOACCESS)\s+(\d+)\s+(\w+)(?:\s+""([^""]*)""(?:\s+(\d+))?)?\s*$", RegexOptions.CultureInvariant);

        private VmdkDescriptor(string createType, List<VmdkExtentLine> extents)
        {
            CreateType = createType;
            Extents = extents;
        }

        public string CreateType { get; }

        public IReadOnlyList<VmdkExtentLine> Extents { get; }

        /// <summary>
        /// Whether the start of a file reads as a descriptor: text with version= and createType= lines, perhaps padded
        /// with NULs to a sector (as qemu writes it), and nothing else after the padding starts.
        /// </summary>
        public static bool LooksLikeDescriptor(byte[] start, int length)
        {
            int textLength = TextLength(start, length);
            for (int i = textLength; i < length; i++)
            {
                if (start[i] != 0)
                {
                    return false;
                }
            }

            string text = Encoding.ASCII.GetString(start, 0, textLength);
            return Regex.IsMatch(text, @"^\s*version\s*=", RegexOptions.Multiline) && Regex.IsMatch(text, @"^\s*createType\s*=", RegexOptions.Multiline);
        }

        /// <summary>The length of the text before its NUL padding.</summary>
        public static int TextLength(byte[] bytes, int length)
        {
            int end = Array.IndexOf(bytes, (byte)0, 0, length);
            return end < 0 ? length : end;
        }

        public static VmdkDescriptor Parse(string text, string path)
        {
            string? createType = null;
            var extents = new List<VmdkExtentLine>();
            foreach (string raw in text.Split('\n'))
            {
                string line = raw.Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                Match extent = ExtentLine.Match(line);
                if (extent.Success)
                {
                    extents.Add(ParseExtent(extent, path));
                    continue;
                }

                int equals = line.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                string key = line.Substring(0, equals).Trim();
                string value = line.Substring(equals + 1).Trim().Trim('"');
                if (key.Equals("createType", StringComparison.OrdinalIgnoreCase))
                {
                    createType = value;
                }
                else if (key.Equals("parentCID", StringComparison.OrdinalIgnoreCase) && !value.Equals(NoParent, StringComparison.OrdinalIgnoreCase))
                {
                    throw DiskImageFailure.HasParent(path, "a VMDK with a parent (parentCID " + value + ")");
                }
            }

            return new VmdkDescriptor(createType ?? throw DiskImageFailure.HeaderInvalid(path, "the VMDK descriptor has no createType"), extents);
        }

        private static VmdkExtentLine ParseExtent(Match extent, string path)
        {
            if (!long.TryParse(extent.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out long sectors) || sectors <= 0 || sectors > long.MaxValue / 512)
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the extent line '{extent.Value}' gives an invalid size");
            }

            long offset = 0;
            if (extent.Groups[5].Success && (!long.TryParse(extent.Groups[5].Value, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset > long.MaxValue / 512))
            {
                throw DiskImageFailure.HeaderInvalid(path, $"the extent line '{extent.Value}' gives an invalid offset");
            }

            string? file = extent.Groups[4].Success ? extent.Groups[4].Value : null;
            return new VmdkExtentLine(extent.Groups[3].Value.ToUpperInvariant(), sectors, file, offset);
        }

        /// <summary>
        /// The full path of an extent file, which must be a plain name (or relative path) beside the descriptor: no
        /// absolute paths, no "..", no devices, so a descriptor cannot make the reader open anything else.
        /// </summary>
        public static string ExtentPath(string descriptorPath, string name)
        {
            bool unsafeName = name.Length == 0 || Path.IsPathRooted(name) || name.IndexOf(':') >= 0
                || name.Replace('\\', '/').Split('/') is string[] parts && Array.Exists(parts, p => p == ".." || p.Length == 0);
            if (unsafeName)
            {
                throw DiskImageFailure.HeaderInvalid(descriptorPath, $"the extent file name '{name}' is not a relative path below the descriptor's folder");
            }

            return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(descriptorPath)) ?? ".", name);
        }
    }

    /// <summary>One extent line of a descriptor.</summary>
    internal sealed class VmdkExtentLine
    {
        public VmdkExtentLine(string type, long sectors, string? file, long offsetSectors)
        {
            Type = type;
            Sectors = sectors;
            File = file;
            OffsetSectors = offsetSectors;
        }

        /// <summary>FLAT, ZERO, SPARSE, VMFS …, upper case.</summary>
        public string Type { get; }

        public long Sectors { get; }

        public string? File { get; }

        public long OffsetSectors { get; }
    }
}
