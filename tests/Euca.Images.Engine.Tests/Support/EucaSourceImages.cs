using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Images.Registration;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>An instance-store image in the Eucalyptus local cloud: a disk bundled for the local cloud's certificate
    /// and signed with the user's key (<see cref="LocalCloudKeys"/>), uploaded and registered.</summary>
    internal static class EucaSourceImages
    {
        public static async Task<ImageInfo> CreateAsync(CloudConnection euca, TempDirectory temp, string diskPath)
        {
            var bundleRequest = new BundleCreateRequest(diskPath, new BundleImageProperties { Architecture = "x86_64", AccountId = "123456789012" },
                LocalCloudKeys.CloudCertificate())
            {
                UserCertificate = LocalCloudKeys.UserCertificate(),
                SigningKey = LocalCloudKeys.UserKey(),
                Destination = temp.File("bundle-" + Guid.NewGuid().ToString("N")),
            };
            BundleInfo bundle = await BundleCreator.CreateAsync(bundleRequest, null, CancellationToken.None);
            string bucket = "euca-" + Guid.NewGuid().ToString("N").Substring(0, 12);
            BundleUpload upload = await BundleUploader.SendAsync(euca, new BundleSendRequest(bundle.ManifestPath, new BundleUploadTarget(bucket)), null, CancellationToken.None);
            return await new ImageRegistration(euca).RegisterAsync(ImageRegistrationRules.Check(new ImageRegistrationRequest
            {
                Name = "euca-source-" + Guid.NewGuid().ToString("N"),
                Description = "a Eucalyptus image to copy",
                ImageLocation = upload.ManifestLocation,
                Architecture = "x86_64",
                VirtualizationType = VirtualizationKind.Hvm,
            }), CancellationToken.None);
        }
    }
}
