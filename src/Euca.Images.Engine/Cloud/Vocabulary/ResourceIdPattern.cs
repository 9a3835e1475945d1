using System;
using System.Linq;
using System.Text.RegularExpressions;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Cloud.Vocabulary
{
    /// <summary>
    /// The one rule for resource ids: a type prefix, a dash, then 8 hexadecimal digits (Eucalyptus 3.x/4.x) or 17
    /// (Eucalyptus 5 and AWS long ids). Ids are compared and sent in lower case, as Eucalyptus canonicalises them.
    /// Each kind refuses a malformed id with its own stable error id before anything is sent.
    /// </summary>
    public static class ResourceIdPattern
    {
        // Eucalyptus 3.x/4.x names images emi-/eki-/eri-; Eucalyptus 5 (and AWS) ami-/aki-/ari-.
        private static readonly ResourceKind ImageKind = new ResourceKind(new[] { "emi", "eki", "eri", "ami", "aki", "ari" }, ErrorIds.ImageIdInvalid, "an image id");
        private static readonly ResourceKind KernelKind = new ResourceKind(new[] { "eki", "aki" }, ErrorIds.KernelIdInvalid, "a kernel image id");
        private static readonly ResourceKind RamdiskKind = new ResourceKind(new[] { "eri", "ari" }, ErrorIds.RamdiskIdInvalid, "a ramdisk image id");
        private static readonly ResourceKind InstanceKind = new ResourceKind(new[] { "i" }, ErrorIds.InstanceIdInvalid, "an instance id");
        private static readonly ResourceKind BundleTaskKind = new ResourceKind(new[] { "bun" }, ErrorIds.BundleIdInvalid, "a bundle task id");
        private static readonly ResourceKind VolumeKind = new ResourceKind(new[] { "vol" }, ErrorIds.VolumeIdInvalid, "a volume id");
        private static readonly ResourceKind SnapshotKind = new ResourceKind(new[] { "snap" }, ErrorIds.SnapshotIdInvalid, "a snapshot id");

        // Conversion task ids are Eucalyptus's own (import-vol-…, import-i-…), of any length and sent as given.
        private static readonly Regex ConversionTaskPattern = new Regex("^import-(vol|i)-[0-9a-z]+$", RegexOptions.CultureInvariant);

        /// <summary>True when the id is a well-formed image id (emi-, eki-, eri-, ami-, aki- or ari-).</summary>
        public static bool IsImage(string? id) => ImageKind.Matches(id);

        /// <summary>True when the id is a well-formed snapshot id.</summary>
        public static bool IsSnapshot(string? id) => SnapshotKind.Matches(id);

        public static string Image(string? id) => ImageKind.Canonicalize(id);

        public static string Kernel(string? id) => KernelKind.Canonicalize(id);

        public static string Ramdisk(string? id) => RamdiskKind.Canonicalize(id);

        public static string Instance(string? id) => InstanceKind.Canonicalize(id);

        public static string BundleTask(string? id) => BundleTaskKind.Canonicalize(id);

        public static string Volume(string? id) => VolumeKind.Canonicalize(id);

        public static string Snapshot(string? id) => SnapshotKind.Canonicalize(id);

        /// <summary>
        /// An id of a resource Eucalyptus can tag (an image, snapshot, volume or instance), canonical; anything else is
        /// <c>TaggableResourceIdInvalid</c>.
        /// </summary>
        public static string Taggable(string? id)
        {
            foreach (ResourceKind kind in new[] { ImageKind, SnapshotKind, VolumeKind, InstanceKind })
            {
                if (kind.Matches(id))
                {
                    return kind.Canonicalize(id);
                }
            }

            throw new EucaException(ErrorIds.TaggableResourceIdInvalid, EucaErrorCategory.InvalidArgument,
                $"'{id}' is not an image, snapshot, volume or instance id, the resources Eucalyptus tags.", id);
        }

        /// <summary>The id unchanged when it is a conversion task id, else <c>ConversionTaskIdInvalid</c>.</summary>
        public static string ConversionTask(string? id) =>
            id != null && ConversionTaskPattern.IsMatch(id)
                ? id
                : throw new EucaException(ErrorIds.ConversionTaskIdInvalid, EucaErrorCategory.InvalidArgument, $"'{id}' is not a conversion task id (import-vol-… or import-i-…).", id);

        /// <summary>
        /// A volume id taken from an input that may legitimately have none (a conversion task's volume exists only
        /// once the conversion completed): an empty one is <c>VolumeIdMissing</c>, not a malformed id.
        /// </summary>
        public static string VolumeOfInput(string? id)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw new EucaException(
                    ErrorIds.VolumeIdMissing,
                    EucaErrorCategory.InvalidArgument,
                    "No volume id was given. A conversion task has a volume id only once its conversion has completed; a cancelled task has none.",
                    id);
            }

            return Volume(id);
        }

        private sealed class ResourceKind
        {
            private readonly string[] _prefixes;
            private readonly Regex _pattern;
            private readonly ErrorId _errorId;
            private readonly string _what;

            public ResourceKind(string[] prefixes, ErrorId errorId, string what)
            {
                _prefixes = prefixes;
                _pattern = new Regex("^(" + string.Join("|", prefixes) + ")-([0-9a-f]{8}|[0-9a-f]{17})$", RegexOptions.CultureInvariant);
                _errorId = errorId;
                _what = what;
            }

            public bool Matches(string? id) => id != null && _pattern.IsMatch(Normalize(id));

            public string Canonicalize(string? id)
            {
                if (!Matches(id))
                {
                    string expected = string.Join(", ", _prefixes.Select(p => p + "-"));
                    throw new EucaException(
                        _errorId,
                        EucaErrorCategory.InvalidArgument,
                        $"'{id}' is not {_what}: expected {expected} followed by 8 or 17 hexadecimal digits.",
                        id);
                }

                return Normalize(id!);
            }

            private static string Normalize(string id) => id.Trim().ToLowerInvariant();
        }
    }
}
