using System;
using System.Collections.Generic;
using System.Globalization;

namespace Euca.Images.Engine.Import
{
    /// <summary>How a disk file is cut into raw parts: fixed-size slices (10 MiB, as euca2ools), the last one shorter.</summary>
    public static class ImportPartPlan
    {
        public const long DefaultPartSize = 10L * 1024 * 1024;

        /// <summary>Inclusive byte ranges covering <paramref name="fileSize"/> bytes, in index order.</summary>
        public static IReadOnlyList<(int Index, long Start, long End)> Plan(long fileSize, long partSize = DefaultPartSize)
        {
            if (fileSize <= 0) throw new ArgumentOutOfRangeException(nameof(fileSize), "An import needs a non-empty file.");
            if (partSize <= 0) throw new ArgumentOutOfRangeException(nameof(partSize));
            var ranges = new List<(int, long, long)>();
            int index = 0;
            for (long start = 0; start < fileSize; start += partSize)
            {
                ranges.Add((index++, start, Math.Min(start + partSize, fileSize) - 1));
            }

            return ranges;
        }

        /// <summary><c>&lt;manifest dir&gt;/&lt;file name&gt;.part.&lt;index&gt;</c>; the index is not zero-padded.</summary>
        public static string PartKey(string manifestKey, string fileName, int index)
        {
            int slash = manifestKey.LastIndexOf('/');
            string directory = slash < 0 ? "" : manifestKey.Substring(0, slash + 1);
            return directory + fileName + ".part." + index.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary><c>[prefix/]&lt;id&gt;/&lt;file name&gt;.manifest.xml</c>, a fresh folder per import as euca2ools does.</summary>
        public static string ManifestKey(string? keyPrefix, Guid importId, string fileName)
        {
            string prefix = string.IsNullOrEmpty(keyPrefix) ? "" : keyPrefix!.Trim('/') + "/";
            return prefix + importId.ToString("D") + "/" + fileName + ".manifest.xml";
        }

        /// <summary>The GiB a volume needs for <paramref name="imageBytes"/> (rounded up, at least 1).</summary>
        public static long VolumeSizeFor(long imageBytes) => Math.Max(1, (imageBytes + (1L << 30) - 1) >> 30);
    }
}
