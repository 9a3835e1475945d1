using System;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// A stored bundle to copy to another bucket (usually of another cloud), with its manifest converted for that
    /// cloud's certificate on the way (<see cref="StoredBundleCopier"/>).
    /// </summary>
    public sealed class StoredBundleCopyRequest
    {
        /// <param name="sourceLocation">bucket/[prefix/]name.manifest.xml at the source.</param>
        /// <param name="target">Bucket, folder, ACL, parallelism and replace check at the destination; its journal records the parts stored.</param>
        /// <param name="conversion">How the manifest is converted (its signature is verified with the same key).</param>
        public StoredBundleCopyRequest(string sourceLocation, BundleUploadTarget target, ManifestConversionRequest conversion)
        {
            SourceLocation = ManifestLocation.Parse(sourceLocation);
            Target = StorageRequestChecks.Required(target, ErrorIds.StorageTargetMissing, "The copy target (bucket)").Checked();
            Conversion = conversion ?? throw new ArgumentNullException(nameof(conversion));
        }

        public ManifestLocation SourceLocation { get; }

        public BundleUploadTarget Target { get; }

        public ManifestConversionRequest Conversion { get; }

        /// <summary>Keep the parts an earlier copy stored at the destination when they match (size and MD5 of the verified source bytes).</summary>
        public bool Resume { get; set; }

        /// <summary>The destination's manifest location: the target's bucket and folder, the source's manifest name.</summary>
        public ManifestLocation DestinationLocation =>
            ManifestLocation.Parse(Target.Bucket + "/" + ManifestLocation.NormalizeKeyPrefix(Target.KeyPrefix) + SourceLocation.ManifestName);
    }
}
