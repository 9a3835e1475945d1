using System.Collections.Generic;
using System.Linq;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// What an upload has stored so far, kept up to date while it runs. The caller keeps it so that, when the upload
    /// is stopped (Ctrl+C) or fails, it can tell the user what is in the bucket and how to resume or clean up.
    /// </summary>
    public sealed class BundleTransferJournal
    {
        /// <summary>How many stored keys a report lists by name.</summary>
        private const int ListedKeys = 6;
        private readonly object _gate = new object();
        private readonly List<string> _stored = new List<string>();

        /// <summary>The manifest's location once it is known (before the first part is sent).</summary>
        public string? ManifestLocation { get; internal set; }

        /// <summary>True once the manifest itself is stored: the bundle is complete.</summary>
        public bool ManifestStored { get; internal set; }

        /// <summary>How to continue the transfer, for example a Send-EucaBundle command line with -Resume.</summary>
        public string? ResumeAdvice { get; internal set; }

        /// <summary>Keys of the parts stored (or found already stored), in the order they completed.</summary>
        public IReadOnlyList<string> StoredKeys
        {
            get
            {
                lock (_gate)
                {
                    return _stored.ToList();
                }
            }
        }

        internal void Stored(string key)
        {
            lock (_gate)
            {
                _stored.Add(key);
            }
        }

        /// <summary>A summary for the user: what is stored, how to resume, how to clean up.</summary>
        public string Describe()
        {
            IReadOnlyList<string> keys = StoredKeys;
            string bucket = ManifestLocation == null ? string.Empty : ManifestLocation.Substring(0, ManifestLocation.IndexOf('/'));
            string stored = keys.Count == 0
                ? "No part was stored."
                : $"{keys.Count} part(s) are stored in bucket '{bucket}': {KeyList(keys)}.";
            string manifest = ManifestStored ? "The manifest is stored: the bundle is complete." : "The manifest was not stored, so no image can point at an incomplete bundle.";
            return $"{stored} {manifest} {Advice(ResumeAdvice, ManifestLocation)}";
        }

        /// <summary>Every key of a short list; the first and last few of a long one (a 100 GiB image has thousands of parts).</summary>
        private static string KeyList(IReadOnlyList<string> keys)
        {
            List<string> sorted = keys.OrderBy(k => k, System.StringComparer.Ordinal).ToList();
            return sorted.Count <= ListedKeys
                ? string.Join(", ", sorted)
                : string.Join(", ", sorted.Take(ListedKeys / 2)) + $", ... {sorted.Count - ListedKeys} more ..., " + string.Join(", ", sorted.Skip(sorted.Count - ListedKeys / 2));
        }

        internal static string Advice(string? resume, string? location) =>
            (resume == null ? string.Empty : $"To resume: {resume}. ") +
            (location == null ? string.Empty : $"To clean up: Remove-EucaBundle -ManifestLocation {location} (it finds parts by prefix when the manifest is missing).");
    }
}
