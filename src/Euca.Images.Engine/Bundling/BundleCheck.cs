using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Bundling
{
    /// <summary>Outcome of one check of a bundle.</summary>
    public enum BundleCheckStatus
    {
        Passed,
        Failed,
        Skipped,
    }

    /// <summary>One check of <see cref="BundleVerifier"/>: what was checked, on what, and the outcome.</summary>
    public sealed class BundleCheck
    {
        public BundleCheck(string check, string target, BundleCheckStatus status, string message, ErrorId? errorId = null)
        {
            Check = check;
            Target = target;
            Status = status;
            Message = message;
            ErrorId = errorId?.Name;
        }

        /// <summary>Manifest, Signature, PartPresent, PartDigest, UnexpectedPart, or Image.</summary>
        public string Check { get; }

        /// <summary>The manifest path, a part file name, or the image name.</summary>
        public string Target { get; }

        public BundleCheckStatus Status { get; }

        public string Message { get; }

        /// <summary>The stable error id when the check failed.</summary>
        public string? ErrorId { get; }
    }
}
