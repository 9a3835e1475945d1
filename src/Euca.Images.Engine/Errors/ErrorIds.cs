namespace Euca.Images.Engine.Errors
{
    /// <summary>
    /// The catalogue of every stable error id the module raises: the only place that creates an <see cref="ErrorId"/>,
    /// so an id cannot be raised without being listed and documented here. Scripts match on these names (the
    /// ErrorRecord's FullyQualifiedErrorId); keep them unchanged. The entries are split by area over the
    /// <c>ErrorIds.*.cs</c> files; this file holds the families whose names come from the cloud's answer and the
    /// ids of the cmdlet layer.
    /// </summary>
    public static partial class ErrorIds
    {
        /// <summary>The prefix of <see cref="CloudService"/> and <see cref="CloudHttpStatus"/> ids.</summary>
        public const string CloudFamilyPrefix = "Cloud.";

        /// <summary>
        /// <c>Cloud.&lt;code&gt;</c>: the cloud refused a compute call with this EC2 error code (for example
        /// <c>Cloud.InvalidAMIID.NotFound</c>, <c>Cloud.InvalidParameterValue</c>). The message carries the cloud's
        /// words and names the resource; recover as the code says (a wrong id, a missing permission, a bad value).
        /// </summary>
        public static ErrorId CloudService(string code) => new ErrorId(CloudFamilyPrefix + code);

        /// <summary>
        /// <c>Cloud.Http&lt;status&gt;</c>: the cloud refused a call with this HTTP status and no error code. Check the
        /// endpoint URL (a proxy or another service may have answered) and retry.
        /// </summary>
        public static ErrorId CloudHttpStatus(int status) => new ErrorId(CloudFamilyPrefix + "Http" + status);

        /// <summary>
        /// A failure the module did not expect (a bug, or an environment problem it does not know). The ErrorRecord
        /// keeps the original exception; report it with the command that raised it.
        /// </summary>
        public static readonly ErrorId UnexpectedError = new ErrorId(nameof(UnexpectedError));

        /// <summary>
        /// A -Path with wildcards matched no file. Check the pattern and the current directory; a file whose name holds
        /// [ or ] is named with -LiteralPath.
        /// </summary>
        public static readonly ErrorId PathMatchesNoFile = new ErrorId(nameof(PathMatchesNoFile));

        /// <summary>
        /// A -Path with wildcards matched several files where the cmdlet reads one (a disk image to install, import or
        /// resume). Narrow the pattern, or pipe the files (Get-ChildItem ... | cmdlet) to run once per file.
        /// </summary>
        public static readonly ErrorId PathMatchesSeveralFiles = new ErrorId(nameof(PathMatchesSeveralFiles));
    }
}
