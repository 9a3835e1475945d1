using System;

namespace Euca.Images.Engine.Instances
{
    /// <summary>What BundleInstance needs: the instance-store instance and where to store its bundle.</summary>
    public sealed class InstanceBundleRequest
    {
        public string InstanceId { get; set; } = string.Empty;

        /// <summary>The bucket for the bundle (created by the cloud if missing).</summary>
        public string Bucket { get; set; } = string.Empty;

        /// <summary>The bundle's file name prefix: the manifest becomes PREFIX.manifest.xml.</summary>
        public string Prefix { get; set; } = string.Empty;

        /// <summary>How long the signed upload policy stays valid (euca2ools default: 24 hours).</summary>
        public TimeSpan PolicyLifetime { get; set; } = TimeSpan.FromHours(24);
    }
}
