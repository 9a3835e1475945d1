using System;
using System.Management.Automation;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Runtime
{
    /// <summary>Builds ErrorRecords from engine errors, keeping the engine's stable error id and target.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(EucaException exception) =>
            new ErrorRecord(exception, exception.ErrorId, ToCategory(exception.Category), exception.Target);

        public static ErrorRecord Unexpected(Exception exception, object? target) =>
            new ErrorRecord(exception, ErrorIds.UnexpectedError.Name, ErrorCategory.NotSpecified, target);

        /// <summary>A failed check of data the user gave (a bundle), under the check's catalogued error id.</summary>
        public static ErrorRecord InvalidData(string errorId, string message, object? target) =>
            new ErrorRecord(new System.IO.InvalidDataException(message), errorId, ErrorCategory.InvalidData, target);

        public static ErrorRecord InvalidArgument(ErrorId errorId, string message, object? target) =>
            new ErrorRecord(new ArgumentException(message), errorId.Name, ErrorCategory.InvalidArgument, target);

        private static ErrorCategory ToCategory(EucaErrorCategory category) => category switch
        {
            EucaErrorCategory.InvalidArgument => ErrorCategory.InvalidArgument,
            EucaErrorCategory.InvalidData => ErrorCategory.InvalidData,
            EucaErrorCategory.ObjectNotFound => ErrorCategory.ObjectNotFound,
            EucaErrorCategory.ResourceExists => ErrorCategory.ResourceExists,
            EucaErrorCategory.AuthenticationError => ErrorCategory.AuthenticationError,
            EucaErrorCategory.PermissionDenied => ErrorCategory.PermissionDenied,
            EucaErrorCategory.ConnectionError => ErrorCategory.ConnectionError,
            EucaErrorCategory.SecurityError => ErrorCategory.SecurityError,
            EucaErrorCategory.OperationStopped => ErrorCategory.OperationStopped,
            EucaErrorCategory.NotImplemented => ErrorCategory.NotImplemented,
            EucaErrorCategory.InvalidOperation => ErrorCategory.InvalidOperation,
            EucaErrorCategory.ResourceUnavailable => ErrorCategory.ResourceUnavailable,
            EucaErrorCategory.OperationTimeout => ErrorCategory.OperationTimeout,
            _ => ErrorCategory.NotSpecified,
        };
    }
}
