using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;

namespace Euca.Images.Arguments
{
    /// <summary>
    /// A certificate parameter value: a file path (PEM, DER or PFX), a FileInfo, or an X509Certificate2 object
    /// (for example from the Windows certificate store). PowerShell converts any of them through these constructors.
    /// </summary>
    public sealed class CertificateArgument
    {
        /// <summary>A certificate file path.</summary>
        public CertificateArgument(string path)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
        }

        /// <summary>A certificate file.</summary>
        public CertificateArgument(FileInfo file)
            : this(file?.FullName ?? throw new ArgumentNullException(nameof(file)))
        {
        }

        /// <summary>A certificate object.</summary>
        public CertificateArgument(X509Certificate2 certificate)
        {
            Certificate = certificate ?? throw new ArgumentNullException(nameof(certificate));
        }

        /// <summary>The file path, when the certificate was given as a file.</summary>
        public string? Path { get; }

        /// <summary>The certificate, when it was given as an object.</summary>
        public X509Certificate2? Certificate { get; }

        /// <inheritdoc />
        public override string ToString() => Path ?? Certificate!.Subject;
    }
}
