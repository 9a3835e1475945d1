using System;
using System.Linq;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.LocalCloud.Configuration;
using Euca.Images.LocalCloud.Hosting;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// Two clouds for copies between them, each an in-process local cloud reading manifests from its own s3rver. The
    /// destination plays another cloud: its own cloud certificate (second-cloud-*.pem), and the seeded kernel and
    /// ramdisk under other ids, the ramdisk under another name too, so a copy must find boot images by name.
    /// </summary>
    public sealed class TwoCloudsFixture : IAsyncLifetime
    {
        public const string SourceKernelId = "eki-6e0f3b1d";
        public const string SourceRamdiskId = "eri-2c9a7d40";
        public const string DestinationKernelId = "eki-0d0e0f10";
        public const string DestinationRamdiskId = "eri-0d0e0f11";

        public S3rverFixture SourceStore { get; private set; } = null!;

        public S3rverFixture DestinationStore { get; private set; } = null!;

        public LocalCloudHost SourceCloud { get; private set; } = null!;

        public LocalCloudHost DestinationCloud { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            SourceStore = new S3rverFixture();
            DestinationStore = new S3rverFixture();
            SourceCloud = new LocalCloudHost(new LocalCloudOptions { ObjectStorageUrl = SourceStore.Url.ToString(), PendingSeconds = 0 });
            (CloudConfig defaults, string baseDirectory) = CloudConfigLoader.Load(null);
            DestinationCloud = new LocalCloudHost(new LocalCloudOptions
            {
                Config = new CloudConfig
                {
                    CloudCertificate = new CertificateFiles { CertificatePath = LocalCloudKeys.SecondCloudCertificatePath, PrivateKeyPath = LocalCloudKeys.SecondCloudKeyPath },
                    Accounts = defaults.Accounts,
                    Images = defaults.Images.Select(Renumbered).ToList(),
                    Compute = defaults.Compute,
                    Registration = defaults.Registration,
                },
                ConfigBaseDirectory = baseDirectory,
                ObjectStorageUrl = DestinationStore.Url.ToString(),
                PendingSeconds = 0,
            });
            await SourceCloud.StartAsync();
            await DestinationCloud.StartAsync();
        }

        /// <summary>The user's connection to the source cloud.</summary>
        public CloudConnection Source() => S3rverFixture.Connect(SourceStore.Url, new CloudConnectionOptions(), new Uri(SourceCloud.BaseUrl, "services/compute"));

        /// <summary>The user's connection to the destination cloud, its object storage reached at <paramref name="storage"/> (a proxy) or directly.</summary>
        public CloudConnection Destination(Uri? storage = null) =>
            S3rverFixture.Connect(storage ?? DestinationStore.Url, new CloudConnectionOptions(), new Uri(DestinationCloud.BaseUrl, "services/compute"));

        /// <summary>The destination cloud's administrator (the owner of its kernels and ramdisks), for compute calls only.</summary>
        public CloudConnection DestinationAdministrator() =>
            S3rverFixture.Connect(DestinationStore.Url, new CloudConnectionOptions(), new Uri(DestinationCloud.BaseUrl, "services/compute"),
                "AKIALOCALCLOUDADMIN1", "localcloud-admin-secret-not-for-production");

        public async Task DisposeAsync()
        {
            await SourceCloud.DisposeAsync();
            await DestinationCloud.DisposeAsync();
            SourceStore.Dispose();
            DestinationStore.Dispose();
        }

        private static ImageRecord Renumbered(ImageRecord image) => image.ImageId switch
        {
            SourceKernelId => image with { ImageId = DestinationKernelId },
            SourceRamdiskId => image with { ImageId = DestinationRamdiskId, Name = "initramfs-renamed-at-destination.img" },
            _ => image,
        };
    }
}
