namespace Euca.Images.Engine.Errors
{
    /// <summary>
    /// What kind of failure an engine error is. The cmdlet layer maps each value onto a PowerShell
    /// ErrorCategory, so the engine stays free of PowerShell types.
    /// </summary>
    public enum EucaErrorCategory
    {
        InvalidArgument,
        InvalidData,
        ObjectNotFound,
        ResourceExists,
        AuthenticationError,
        PermissionDenied,
        ConnectionError,
        SecurityError,
        OperationStopped,
        NotImplemented,
        InvalidOperation,
        ResourceUnavailable,

        /// <summary>A wait gave up after its timeout; what it waited for goes on (PowerShell's OperationTimeout).</summary>
        OperationTimeout,
    }
}
