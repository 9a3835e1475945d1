using System;

namespace Euca.Images.Engine.Instances
{
    /// <summary>A bundle task (BundleInstance) as the cloud describes it.</summary>
    public sealed class BundleTaskInfo
    {
        public string BundleId { get; set; } = string.Empty;

        public string? InstanceId { get; set; }

        /// <summary>pending, waiting-for-shutdown, bundling, storing, cancelling, complete or failed.</summary>
        public string? State { get; set; }

        /// <summary>The cloud's progress percentage (0-100), when it reports one.</summary>
        public int? Progress { get; set; }

        public string? Bucket { get; set; }

        public string? Prefix { get; set; }

        public DateTime? StartTime { get; set; }

        public DateTime? UpdateTime { get; set; }

        public string? ErrorCode { get; set; }

        public string? ErrorMessage { get; set; }

        /// <summary>
        /// BUCKET/PREFIX.manifest.xml, where the finished bundle's manifest is: the ImageLocation to register
        /// (the property name lets it bind by pipeline to Register-EucaImage -ImageLocation).
        /// </summary>
        public string? ManifestLocation => Bucket == null || Prefix == null ? null : Bucket + "/" + Prefix + ".manifest.xml";

        public bool IsFinished => State == BundleTaskStates.Complete || State == BundleTaskStates.Failed;

        public override string ToString() => $"{BundleId} ({State})";
    }

    /// <summary>EC2 bundle task states.</summary>
    public static class BundleTaskStates
    {
        public const string Pending = "pending";
        public const string WaitingForShutdown = "waiting-for-shutdown";
        public const string Bundling = "bundling";
        public const string Storing = "storing";
        public const string Cancelling = "cancelling";
        public const string Complete = "complete";
        public const string Failed = "failed";
    }
}
