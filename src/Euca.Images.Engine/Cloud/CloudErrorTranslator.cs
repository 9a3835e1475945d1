using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// Turns AWS SDK and transport exceptions into <see cref="EucaException"/>s a user can act on. The error's target
    /// is the resource the call was about (the cloud's answer concerns it), except for an untrusted, unreachable or
    /// silent endpoint, where the endpoint is what the user must fix. Messages name both and never contain credentials.
    /// </summary>
    public static class CloudErrorTranslator
    {
        private static readonly string[] AuthenticationCodes =
        {
            "AuthFailure", "SignatureDoesNotMatch", "InvalidClientTokenId", "MissingAuthenticationToken",
            "InvalidAccessKeyId", "IncompleteSignature",
        };

        private static readonly string[] InvalidArgumentCodes =
        {
            "InvalidParameterValue", "InvalidParameterCombination", "MissingParameter",
        };

        /// <summary>
        /// Runs a cloud call about <paramref name="target"/>, translating its failures. Cancellation requested through
        /// <paramref name="cancellationToken"/> is rethrown as is.
        /// </summary>
        public static async Task<T> RunAsync<T>(Uri endpoint, object? target, Func<Task<T>> call, CancellationToken cancellationToken)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is EucaException) && !(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw Translate(e, endpoint, target);
            }
        }

        public static EucaException Translate(Exception exception, Uri endpoint, object? target)
        {
            if (exception is EucaException euca)
            {
                return euca;
            }

            if (IsUnreadableAnswer(exception))
            {
                return new EucaException(
                    ErrorIds.CloudAnswerInvalid,
                    EucaErrorCategory.InvalidData,
                    $"The cloud endpoint {endpoint} answered{About(target)} with something that cannot be read as its XML answer: {Innermost(exception).Message}",
                    target ?? endpoint,
                    exception);
            }

            if (exception is AmazonServiceException service && service.StatusCode != 0 && !IsTransport(service))
            {
                return FromService(service.ErrorCode, service.Message, (int)service.StatusCode, endpoint, target, exception);
            }

            if (CertificateProblem(exception) is string problem)
            {
                return new EucaException(
                    ErrorIds.CloudCertificateUntrusted,
                    EucaErrorCategory.SecurityError,
                    $"The TLS certificate of {endpoint} is not trusted: {problem}. Use -CertificateAuthority with the PEM file of the certificate authority that signed it, or -SkipCertificateCheck on a network you trust.",
                    endpoint,
                    exception);
            }

            if (IsTimeout(exception))
            {
                return new EucaException(
                    ErrorIds.CloudTimeout,
                    EucaErrorCategory.OperationStopped,
                    $"The cloud endpoint {endpoint} did not answer in time.",
                    endpoint,
                    exception);
            }

            if (IsTransport(exception))
            {
                return new EucaException(
                    ErrorIds.CloudUnreachable,
                    EucaErrorCategory.ConnectionError,
                    $"The cloud endpoint {endpoint} cannot be reached: {Innermost(exception).Message}",
                    endpoint,
                    exception);
            }

            if (exception is AmazonServiceException unknown)
            {
                return FromService(unknown.ErrorCode, unknown.Message, (int)unknown.StatusCode, endpoint, target, exception);
            }

            return new EucaException(
                ErrorIds.CloudRequestFailed,
                EucaErrorCategory.InvalidOperation,
                $"The request to {endpoint}{About(target)} failed: {exception.Message}",
                target,
                exception);
        }

        /// <summary>The mapping of a service error (code, message, HTTP status), shared with the bootstrap client.</summary>
        internal static EucaException FromService(string? code, string? message, int status, Uri endpoint, object? target, Exception? inner)
        {
            // Eucalyptus also answers AuthFailure with HTTP 400 for requests it understood but refuses (RegisterImage of a
            // manifest written for another account: ImageManifests.lookup). Those are not credential problems.
            bool refusedRequest = status == 400 && code == "AuthFailure";
            if (code != null && Array.IndexOf(AuthenticationCodes, code) >= 0 && !refusedRequest)
            {
                return new EucaException(
                    ErrorIds.CloudAuthenticationFailed,
                    EucaErrorCategory.AuthenticationError,
                    $"The cloud at {endpoint} rejected the credentials ({code}); check the access key and the secret key.",
                    target,
                    inner);
            }

            if (status >= 500 && (string.IsNullOrEmpty(code) || LooksLikeHtml(message) || IsGenericServerCode(code)))
            {
                // Eucalyptus answers calls it does not implement with an HTML 500 page.
                return new EucaException(
                    ErrorIds.CloudServiceError,
                    EucaErrorCategory.ResourceUnavailable,
                    $"The cloud at {endpoint} failed with HTTP {status} and no usable error{About(target)}; the call may not be implemented by this cloud version.",
                    target,
                    inner);
            }

            var id = string.IsNullOrEmpty(code) ? ErrorIds.CloudHttpStatus(status) : ErrorIds.CloudService(code!);
            return new EucaException(id, CategoryFor(code, status), $"The cloud at {endpoint} answered {code ?? "HTTP " + status}{About(target)}: {message}", target, inner);
        }

        private static string About(object? target) => target switch
        {
            null => string.Empty,
            string one => $" (request about {one})",
            IEnumerable<string> several => $" (request about {string.Join(", ", several)})",
            _ => $" (request about {target})",
        };

        /// <summary>The SDK could not unmarshal the answer (empty, truncated, not XML, or a value not of its type).</summary>
        private static bool IsUnreadableAnswer(Exception exception)
        {
            for (Exception? e = exception; e != null; e = e.InnerException)
            {
                if (e is AmazonUnmarshallingException || e is System.Xml.XmlException || e is FormatException || e is OverflowException)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsGenericServerCode(string? code) =>
            code == "InternalServerError" || code == "InternalFailure" || code == "ServiceUnavailable";

        private static bool LooksLikeHtml(string? text) =>
            text != null && (text.IndexOf("<html", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("<!DOCTYPE", StringComparison.OrdinalIgnoreCase) >= 0);

        /// <summary>
        /// The category of a service error: by its code when the code says what went wrong (EC2 names missing
        /// resources <c>*.NotFound</c> and malformed ids <c>*.Malformed</c>, both with HTTP 400), else by the status.
        /// </summary>
        private static EucaErrorCategory CategoryFor(string? code, int status)
        {
            if (code != null)
            {
                if (code.EndsWith(".NotFound", StringComparison.Ordinal))
                {
                    return EucaErrorCategory.ObjectNotFound;
                }

                if (code.EndsWith(".Malformed", StringComparison.Ordinal) || Array.IndexOf(InvalidArgumentCodes, code) >= 0)
                {
                    return EucaErrorCategory.InvalidArgument;
                }

                // Only reached by AuthFailure with HTTP 400 (a refused request, see FromService); credential rejections return earlier.
                if (code == "UnauthorizedOperation" || code == "AuthFailure")
                {
                    return EucaErrorCategory.PermissionDenied;
                }
            }

            switch (status)
            {
                case 400: return EucaErrorCategory.InvalidArgument;
                case 401: return EucaErrorCategory.AuthenticationError;
                case 403: return EucaErrorCategory.PermissionDenied;
                case 404: return EucaErrorCategory.ObjectNotFound;
                case 409: return EucaErrorCategory.ResourceExists;
                case 501: return EucaErrorCategory.NotImplemented;
                default: return status >= 500 ? EucaErrorCategory.ResourceUnavailable : EucaErrorCategory.InvalidOperation;
            }
        }

        private static bool IsTimeout(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is TimeoutException || e is OperationCanceledException
                    || (e is WebException web && web.Status == WebExceptionStatus.Timeout)
                    || (e is SocketException socket && socket.SocketErrorCode == SocketError.TimedOut))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The reason our validation callback gave, or a generic one when only .NET Framework's status says so
        /// (HttpWebRequest reports a rejected certificate as TrustFailure and may not keep the callback's exception).
        /// </summary>
        private static string? CertificateProblem(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is CertificateRejectedException rejected)
                {
                    return rejected.Message;
                }

                if (e is WebException web && web.Status == WebExceptionStatus.TrustFailure)
                {
                    return "the server's certificate failed validation";
                }
            }

            return null;
        }

        private static bool IsTransport(Exception exception)
        {
            for (var e = exception; e != null; e = e.InnerException)
            {
                if (e is HttpRequestException || e is SocketException || e is WebException || e is IOException)
                {
                    return true;
                }
            }

            return false;
        }

        private static Exception Innermost(Exception exception)
        {
            var e = exception;
            while (e.InnerException != null)
            {
                e = e.InnerException;
            }

            return e;
        }
    }
}
