using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using Euca.Images.Engine.Configuration;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// The clients for one resolved configuration, created on first use and cached: EC2 (compute), S3
    /// (object storage) and the Eucalyptus bootstrap service. Settings chosen for Eucalyptus:
    /// ServiceURL keeps the path (<c>/services/compute</c>, <c>/services/objectstorage</c>); SigV4 with the
    /// configured scope region (Eucalyptus does not check it); path-style S3 addressing (virtual-hosted buckets
    /// need cloud DNS); checksums only when an operation requires them (the object storage gateway does not
    /// understand the SDK's default CRC trailers).
    /// </summary>
    public sealed class CloudConnection : IDisposable
    {
        private readonly object _gate = new object();
        private readonly AWSCredentials _credentials;
        private AmazonEC2Client? _ec2;
        private AmazonS3Client? _s3;
        private BootstrapClient? _bootstrap;
        private bool _disposed;

        public CloudConnection(CloudSettings settings, CloudConnectionOptions? options = null)
        {
            Settings = settings ?? throw new ArgumentNullException(nameof(settings));
            Options = options ?? new CloudConnectionOptions();
            settings.Require(CloudSettingNames.AccessKey, CloudSettingNames.SecretKey);
            if (settings.CertificateAuthorityPath != null && !settings.SkipCertificateCheck)
            {
                TlsValidation.LoadAuthorities(settings.CertificateAuthorityPath); // fail now, not on the first request
            }

            _credentials = settings.SessionToken == null
                ? new BasicAWSCredentials(settings.AccessKey, settings.SecretKey)
                : (AWSCredentials)new SessionAWSCredentials(settings.AccessKey, settings.SecretKey, settings.SessionToken);
        }

        public CloudSettings Settings { get; }

        // The settings a user looks at, as the connection's own properties: what Get-EucaCloud shows is what a script
        // reads ((Get-EucaCloud).ComputeUrl), without knowing about Settings.

        public Uri? ComputeUrl => Settings.ComputeUrl;

        public Uri? ObjectStorageUrl => Settings.ObjectStorageUrl;

        public Uri? BootstrapUrl => Settings.BootstrapUrl;

        public string? AccessKey => Settings.AccessKey;

        public string? AccountId => Settings.AccountId;

        public string SigningRegion => Settings.SigningRegion;

        /// <summary>The user's certificate file.</summary>
        public string? Certificate => Settings.CertificatePath;

        /// <summary>The user's private key file.</summary>
        public string? PrivateKey => Settings.PrivateKeyPath;

        /// <summary>The cloud's image-bundling certificate file.</summary>
        public string? CloudCertificate => Settings.CloudCertificatePath;

        public string? CertificateAuthority => Settings.CertificateAuthorityPath;

        public bool SkipCertificateCheck => Settings.SkipCertificateCheck;

        /// <summary>Per setting, where its value came from (a parameter, a file, a stored profile, a variable); never a value.</summary>
        public IReadOnlyDictionary<string, string> Sources => Settings.Sources;

        public CloudConnectionOptions Options { get; }

        /// <summary>The compute client; requires <see cref="CloudSettings.ComputeUrl"/>.</summary>
        internal AmazonEC2Client Ec2
        {
            get
            {
                lock (_gate)
                {
                    ThrowIfDisposed();
                    if (_ec2 == null)
                    {
                        Settings.Require(CloudSettingNames.ComputeUrl);
                        var config = new AmazonEC2Config { ServiceURL = Settings.ComputeUrl!.ToString() };
                        Configure(config, Options.Timeout);
                        _ec2 = new EucalyptusEc2Client(_credentials, config);
                    }

                    return _ec2;
                }
            }
        }

        /// <summary>The object-storage client, without SDK retries; requires <see cref="CloudSettings.ObjectStorageUrl"/>.</summary>
        internal AmazonS3Client S3
        {
            get
            {
                lock (_gate)
                {
                    ThrowIfDisposed();
                    if (_s3 == null)
                    {
                        Settings.Require(CloudSettingNames.ObjectStorageUrl);
                        var config = new AmazonS3Config
                        {
                            ServiceURL = Settings.ObjectStorageUrl!.ToString(),
                            ForcePathStyle = true,
                        };
                        Configure(config, Options.ObjectStorageTimeout);
                        // Bundle transfers retry with their own policy (Storage.RetryPolicy): per part, with
                        // backoff and jitter, and only on failures worth retrying. SDK retries underneath would
                        // multiply the attempts and hide the real behaviour from tests.
                        config.MaxErrorRetry = 0;
                        config.MaxStaleConnectionRetries = 0;
                        _s3 = new AmazonS3Client(_credentials, config);
                    }

                    return _s3;
                }
            }
        }

        /// <summary>The bootstrap (Empyrean) client; requires <see cref="CloudSettings.BootstrapUrl"/>.</summary>
        internal BootstrapClient Bootstrap
        {
            get
            {
                lock (_gate)
                {
                    ThrowIfDisposed();
                    if (_bootstrap == null)
                    {
                        Settings.Require(CloudSettingNames.BootstrapUrl);
                        var http = new HttpClient(TlsValidation.CreateHandler(Settings, allowAutoRedirect: false), disposeHandler: true)
                        {
                            Timeout = Options.Timeout,
                        };
                        _bootstrap = new BootstrapClient(Settings, http);
                    }

                    return _bootstrap;
                }
            }
        }

        /// <summary>
        /// Runs one compute (EC2) call. Its failures become <see cref="Errors.EucaException"/>s that name
        /// <paramref name="target"/>, the resource the call is about (an image, volume, snapshot, task or instance id;
        /// null or the requested ids for a listing), which becomes the ErrorRecord's TargetObject. Cancellation
        /// requested through <paramref name="cancellationToken"/> is rethrown as is.
        /// </summary>
        /// <remarks>The call, retries included, must finish within <see cref="CloudConnectionOptions.ComputeCallTimeout"/>.</remarks>
        internal async Task<T> CallComputeAsync<T>(Func<AmazonEC2Client, CancellationToken, Task<T>> call, object? target, CancellationToken cancellationToken)
        {
            var ec2 = Ec2;
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(Options.ComputeCallTimeout);
                try
                {
                    return await CloudErrorTranslator.RunAsync(Settings.ComputeUrl!, target, () => call(ec2, deadline.Token), deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new Errors.EucaException(Errors.ErrorIds.CloudTimeout, Errors.EucaErrorCategory.OperationTimeout,
                        $"The cloud endpoint {Settings.ComputeUrl} did not answer within {Options.ComputeCallTimeout.TotalSeconds:0.#} s (retries included). " +
                        "Check that the endpoint is reachable, or allow longer with Connect-EucaCloud -TimeoutSec.",
                        target ?? Settings.ComputeUrl, e);
                }
            }
        }

        /// <summary>The cloud's image-bundling certificate (PEM) from the bootstrap service; requires a bootstrap URL.</summary>
        public Task<string> GetCloudCertificateAsync(CancellationToken cancellationToken) => Bootstrap.GetCloudCertificateAsync(cancellationToken);

        public override string ToString() => $"{Settings.ComputeUrl?.ToString() ?? Settings.ObjectStorageUrl?.ToString() ?? "(no endpoint)"} as {Settings.AccessKey}";

        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
                _ec2?.Dispose();
                _s3?.Dispose();
                _bootstrap?.Dispose();
            }

            // A credentials zip is extracted for the life of the connection; the folder holds the user's private key.
            if (Settings.TemporaryDirectory is string extracted && Directory.Exists(extracted))
            {
                Directory.Delete(extracted, recursive: true);
            }
        }

        private void Configure(ClientConfig config, TimeSpan timeout)
        {
            config.AuthenticationRegion = Settings.SigningRegion;
            config.Timeout = timeout;
            config.MaxErrorRetry = Options.MaxErrorRetry;
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
            config.HttpClientFactory = new CloudHttpClientFactory(Settings);
            // A compute or storage endpoint that redirects elsewhere would receive our signed request's successor and,
            // for storage, the bundle: redirects are answers to report, not to follow.
            config.AllowAutoRedirect = false;
        }

        private void ThrowIfDisposed()
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(nameof(CloudConnection));
            }
        }
    }
}
