using System;
using System.Net;
using Amazon.Runtime;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// Turns a failed object-storage request into an error that names the bucket, the key, the HTTP status (or the
    /// transport failure) and what to do next: how to resume, or how to clean up.
    /// </summary>
    internal static class StorageErrors
    {
        /// <param name="action">What was being done, for example "Uploading part disk.img.part.03".</param>
        /// <param name="failureId">The error id for failures that are not about access or a missing bucket.</param>
        /// <param name="advice">How to resume or clean up; appended to the message.</param>
        public static EucaException Translate(Exception exception, string action, string bucket, string? key, ErrorId failureId, string? advice)
        {
            if (exception is EucaException euca)
            {
                return euca;
            }

            string where = key == null ? $"bucket '{bucket}'" : $"'{bucket}/{key}'";
            string tail = string.IsNullOrEmpty(advice) ? string.Empty : " " + advice;
            object target = key == null ? bucket : bucket + "/" + key;

            if (exception is AmazonServiceException service && service.StatusCode != 0)
            {
                int status = (int)service.StatusCode;
                string answer = $"HTTP {status}{(string.IsNullOrEmpty(service.ErrorCode) ? string.Empty : " " + service.ErrorCode)}";
                if (status == 404 && service.ErrorCode == "NoSuchBucket")
                {
                    return new EucaException(ErrorIds.StorageBucketNotFound, EucaErrorCategory.ObjectNotFound,
                        $"{action} failed: the bucket '{bucket}' does not exist ({answer}).{tail}", bucket, exception);
                }

                if (status == 403 || status == 401)
                {
                    return new EucaException(ErrorIds.StorageAccessDenied, EucaErrorCategory.PermissionDenied,
                        $"{action} failed: access to {where} was denied ({answer}: {service.Message}). Check the keys and the bucket's owner and ACL.{tail}",
                        target, exception);
                }

                return new EucaException(failureId, CategoryFor(status),
                    $"{action} failed at {where}: {answer}: {service.Message}.{tail}", target, exception);
            }

            if (exception is TransferCorruptedException)
            {
                return new EucaException(ErrorIds.StoragePartCorrupt, EucaErrorCategory.InvalidData, $"{action} failed at {where}: {exception.Message}{tail}", target, exception);
            }

            string reason = exception is TransferStalledException
                ? "the transfer stalled: " + exception.Message
                : exception is OperationCanceledException || exception is TimeoutException
                ? "the request timed out"
                : "the connection failed: " + Innermost(exception).Message;
            return new EucaException(failureId, EucaErrorCategory.ConnectionError, $"{action} failed at {where}: {reason}.{tail}", target, exception);
        }

        public static bool IsNotFound(Exception exception) =>
            exception is AmazonServiceException service && service.StatusCode == HttpStatusCode.NotFound;

        private static EucaErrorCategory CategoryFor(int status)
        {
            if (status == 404)
            {
                return EucaErrorCategory.ObjectNotFound;
            }

            if (status == 409)
            {
                return EucaErrorCategory.ResourceExists;
            }

            return status >= 500 ? EucaErrorCategory.ResourceUnavailable : EucaErrorCategory.InvalidOperation;
        }

        private static Exception Innermost(Exception exception)
        {
            Exception e = exception;
            while (e.InnerException != null)
            {
                e = e.InnerException;
            }

            return e;
        }
    }
}
