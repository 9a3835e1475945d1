using System.Text.RegularExpressions;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Instances
{
    /// <summary>
    /// Instance (i-), bundle task (bun-), volume (vol-) and snapshot (snap-) ids: the prefix and 8 (short) or 17
    /// (long, the 5.x default) hex digits. Eucalyptus canonicalises ids to lower case, and so do we.
    /// </summary>
    public static class ResourceIdPattern
    {
        public static string Instance(string? id) => Canonicalize(id, "i", ErrorIds.InstanceIdInvalid, "an instance id");

        public static string BundleTask(string? id) => Canonicalize(id, "bun", ErrorIds.BundleIdInvalid, "a bundle task id");

        public static string Volume(string? id) => Canonicalize(id, "vol", ErrorIds.VolumeIdInvalid, "a volume id");

        /// <summary>
        /// A volume id bound from a piped object's VolumeId property. An empty one is its own error: a conversion
        /// task reports no volume until its conversion has completed (and never when it was cancelled).
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

        public static string Snapshot(string? id) => Canonicalize(id, "snap", ErrorIds.SnapshotIdInvalid, "a snapshot id");

        private static string Canonicalize(string? id, string prefix, ErrorId errorId, string what)
        {
            string canonical = (id ?? string.Empty).Trim().ToLowerInvariant();
            if (!Regex.IsMatch(canonical, "^" + prefix + "-([0-9a-f]{8}|[0-9a-f]{17})$", RegexOptions.CultureInvariant))
            {
                throw new EucaException(
                    errorId,
                    EucaErrorCategory.InvalidArgument,
                    $"'{id}' is not {what}: expected {prefix}- followed by 8 or 17 hexadecimal digits.",
                    id);
            }

            return canonical;
        }
    }
}
