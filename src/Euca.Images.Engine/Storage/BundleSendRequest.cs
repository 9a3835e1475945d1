using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>What Send-EucaBundle stores: a bundle on disk, and where and how to store it.</summary>
    public sealed class BundleSendRequest
    {
        /// <param name="manifestPath">The bundle's manifest file; its parts are read from the same folder.</param>
        /// <param name="target">The bucket, key prefix, ACL and parallelism.</param>
        /// <param name="resume">Skip parts already stored with the same size and MD5 (after an interrupted upload).</param>
        public BundleSendRequest(string manifestPath, BundleUploadTarget target, bool resume = false)
        {
            ManifestPath = StorageRequestChecks.RequiredText(manifestPath, ErrorIds.ManifestPathMissing, "The bundle's manifest path");
            Target = StorageRequestChecks.Required(target, ErrorIds.StorageTargetMissing, "The upload target (bucket)").Checked();
            Resume = resume;
        }

        public string ManifestPath { get; }

        public BundleUploadTarget Target { get; }

        public bool Resume { get; }

        /// <summary>The certificate of the user who signed the manifest; when set, a manifest that does not verify is not uploaded.</summary>
        public X509Certificate2? Signer { get; set; }
    }
}
