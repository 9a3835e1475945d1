using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Configuration;
using Euca.Images.LocalCloud.Hosting;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// Two clouds over loopback, each with its own s3rver: a local cloud of the AWS flavour (VM Import/Export, ami-
    /// ids of 17 digits) and a Eucalyptus one (disk imports). The AWS side's object storage is reached through a
    /// <see cref="FaultProxy"/> whose faults a test switches on with <see cref="AwsStorageFault"/>. Tasks and
    /// conversions step every 100 ms.
    /// </summary>
    public sealed class MigrationClouds : IAsyncLifetime
    {
        public const string Zone = "one";

        private S3rverFixture? _awsStore;
        private S3rverFixture? _eucaStore;
        private FaultProxy? _awsProxy;

        public LocalCloudHost Aws { get; private set; } = null!;

        public LocalCloudHost Eucalyptus { get; private set; } = null!;

        /// <summary>What the proxy does with a request (method, path) to the AWS side's object storage.</summary>
        public Func<string, string, Fault> AwsStorageFault { get; set; } = (_, _) => Fault.None;

        public async Task InitializeAsync()
        {
            _awsStore = new S3rverFixture();
            _eucaStore = new S3rverFixture();
            _awsProxy = new FaultProxy(_awsStore.Port, (_, method, path) => AwsStorageFault(method, path));
            Aws = await StartAsync(CloudFlavor.Aws, _awsStore.Url).ConfigureAwait(false);
            Eucalyptus = await StartAsync(CloudFlavor.Eucalyptus, _eucaStore.Url).ConfigureAwait(false);
        }

        public async Task DisposeAsync()
        {
            await Aws.DisposeAsync().ConfigureAwait(false);
            await Eucalyptus.DisposeAsync().ConfigureAwait(false);
            _awsProxy?.Dispose();
            _awsStore?.Dispose();
            _eucaStore?.Dispose();
        }

        /// <summary>The user account (whose key pair is also s3rver's) on the AWS side, storage through the proxy.</summary>
        public CloudConnection ConnectAws() => Connect(Aws, _awsProxy!.Url);

        public CloudConnection ConnectEucalyptus() => Connect(Eucalyptus, _eucaStore!.Url);

        private static async Task<LocalCloudHost> StartAsync(CloudFlavor flavor, Uri storage)
        {
            var host = new LocalCloudHost(new LocalCloudOptions
            {
                Flavor = flavor,
                ObjectStorageUrl = storage.ToString(),
                PendingSeconds = 0,
                Import = new ImportEnvironment { ObjectStorageUrl = storage, ConversionStepInterval = TimeSpan.FromMilliseconds(100) },
            });
            await host.StartAsync(CancellationToken.None).ConfigureAwait(false);
            return host;
        }

        private static CloudConnection Connect(LocalCloudHost host, Uri storage)
        {
            string empty = Path.Combine(Path.GetTempPath(), "no-config-" + Guid.NewGuid().ToString("N"));
            var environment = new ConfigurationEnvironment(new Dictionary<string, string>(), empty, empty, Path.GetTempPath(), Path.GetTempPath());
            CloudSettings settings = CloudSettingsResolver.Resolve(new CloudSettingsRequest
            {
                ComputeUrl = new Uri(host.BaseUrl, "services/compute").ToString(),
                ObjectStorageUrl = storage.ToString(),
                AccessKey = "S3RVER",
                SecretKey = "S3RVER",
                Environment = environment,
            });
            return new CloudConnection(settings, new CloudConnectionOptions { MaxErrorRetry = 0, ObjectStorageTimeout = TimeSpan.FromSeconds(20) });
        }
    }

    /// <summary>The migration tests share one pair of clouds and run one at a time (they switch the proxy's faults).</summary>
    [CollectionDefinition(Name)]
    public sealed class MigrationCloudsCollection : ICollectionFixture<MigrationClouds>
    {
        public const string Name = "migration clouds";
    }
}
