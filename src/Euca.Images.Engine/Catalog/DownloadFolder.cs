using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Euca.Images.Engine.Crypto;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// Where catalog downloads wait while they are incomplete: one folder (by default euca-catalog-downloads in the
    /// temporary folder), one stable file name per URL, so a run that was stopped or ran out of retries is resumed by
    /// the next run for the same URL. Complete downloads are removed by the install that used them; part files nobody
    /// resumed are removed by the first install that finds them older than <see cref="StaleAfter"/>.
    /// </summary>
    public static class DownloadFolder
    {
        public static readonly TimeSpan StaleAfter = TimeSpan.FromDays(7);

        public static string Default => Path.Combine(Path.GetTempPath(), "euca-catalog-downloads");

        /// <summary>The file a URL is downloaded to: a hash of the whole URL (unique) and its last segment (readable).</summary>
        public static string FileFor(string folder, Uri uri)
        {
            string hash = HexEncoding.ToLowerHex(SHA256Of(uri.AbsoluteUri)).Substring(0, 16);
            string last = Uri.UnescapeDataString(uri.Segments.LastOrDefault() ?? string.Empty).Trim('/');
            string readable = new string(last.Select(c => char.IsLetterOrDigit(c) || c == '.' || c == '-' || c == '_' ? c : '_').ToArray());
            return Path.Combine(folder, hash + "-" + (readable.Length == 0 ? "download" : readable.Substring(0, Math.Min(readable.Length, 80))));
        }

        /// <summary>
        /// Deletes part files (and their validators) untouched for longer than <see cref="StaleAfter"/>, and unpack
        /// folders as old, which only a killed process leaves (every run removes its own).
        /// </summary>
        public static void PruneStale(string folder, DateTime nowUtc)
        {
            if (!Directory.Exists(folder))
            {
                return;
            }

            foreach (string file in Directory.EnumerateFiles(folder, "*.part*"))
            {
                try
                {
                    if (nowUtc - File.GetLastWriteTimeUtc(file) > StaleAfter)
                    {
                        File.Delete(file);
                    }
                }
                catch (IOException)
                {
                    // In use by another run, which will finish or leave it for a later prune.
                }
            }

            foreach (string unpacked in Directory.EnumerateDirectories(folder, "unpack-*"))
            {
                try
                {
                    if (nowUtc - Directory.GetLastWriteTimeUtc(unpacked) > StaleAfter)
                    {
                        Directory.Delete(unpacked, recursive: true);
                    }
                }
                catch (IOException)
                {
                    // As above.
                }
            }
        }

        private static byte[] SHA256Of(string text)
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(Encoding.UTF8.GetBytes(text));
        }
    }
}
