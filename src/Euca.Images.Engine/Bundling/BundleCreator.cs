using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.DiskImages;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Bundling
{
    /// <summary>
    /// Bundles an image file: the payload pipeline writes the parts, then the manifest is written last, so a
    /// manifest on disk always describes parts that are complete. On any failure nothing of the bundle remains.
    /// </summary>
    public static class BundleCreator
    {
        public static Task<BundleInfo> CreateAsync(BundleCreateRequest request, IProgress<OperationProgress>? progress, CancellationToken ct) =>
            CreateAsync(request, directory => new FilePartSink(directory), progress, ct);

        /// <summary>
        /// Bundles into the parts sink <paramref name="sinkFor"/> makes for the bundle's folder (files, or files that
        /// are uploaded and removed as they are produced); the manifest is written to the folder after every part.
        /// </summary>
        internal static async Task<BundleInfo> CreateAsync(BundleCreateRequest request, Func<string, IPartSink> sinkFor,
            IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));

            // Bad options fail before anything is read or written.
            if (request.SigningKey != null && request.UserCertificate != null && !KeyPairCheck.Matches(request.UserCertificate, request.SigningKey))
            {
                throw new EucaException(ErrorIds.KeyPairMismatch, EucaErrorCategory.InvalidArgument,
                    $"The private key does not belong to the user certificate '{request.UserCertificate.Subject}': a manifest signed with it would never verify.",
                    request.UserCertificate.Subject);
            }
            string prefix = request.Prefix ?? Path.GetFileName(request.ImagePath);
            BundleNames.CheckPrefix(prefix);
            BundleImageProperties properties = BundleManifestFactory.Normalize(WithName(request.Properties, prefix));
            // Opening the image checks it (exists, regular file, readable, a valid disk format) before any folder is
            // created for it.
            DiskImage.Open(ImageInputCheck.OpenImage(request.ImagePath), request.ImagePath).Dispose();

            bool createdDirectory = request.Destination is null || !Directory.Exists(request.Destination);
            string directory = request.Destination is null
                ? LargeFileTempDirectory.CreateBundleDirectory()
                : DestinationDirectory.Create(request.Destination);
            string manifestPath = Path.Combine(directory, BundleNames.ManifestFileName(prefix));

            var written = new List<string>();
            try
            {
                BundleNames.ClearOrRefuseExisting(directory, prefix, request.Force);
                BundleKeyMaterial keys = request.Keys ?? BundleKeyMaterial.Generate();
                var options = new PayloadWriteOptions(prefix, keys.GetKey(), keys.GetIv())
                {
                    PartNamePrefix = prefix,
                    PartSize = request.PartSize,
                };

                PayloadResult payload = await PayloadWriter.WriteAsync(request.ImagePath, options, sinkFor(directory), progress, ct).ConfigureAwait(false);
                written.AddRange(payload.Parts.Select(part => Path.Combine(directory, part.FileName)));

                BundleManifest manifest = BundleManifestFactory.Create(properties, payload.ImageDigestSha1, payload.ImageSize, payload.BundledSize,
                    payload.Parts.Select(part => new BundlePart(part.Index, part.FileName, part.Sha1)), keys,
                    request.CloudCertificate, request.UserCertificate);
                byte[] manifestBytes = new ManifestWriter().Write(manifest, request.SigningKey);
                ct.ThrowIfCancellationRequested();
                AtomicFile.Write(manifestPath, manifestBytes);

                IReadOnlyList<BundlePartInfo> parts = payload.Parts
                    .Select(part => new BundlePartInfo(part.Index, part.FileName, Path.Combine(directory, part.FileName), part.Size, part.Sha1))
                    .ToList();
                return new BundleInfo(manifestPath, directory, manifest, parts, signed: request.SigningKey != null);
            }
            catch
            {
                foreach (string path in written)
                {
                    File.Delete(path);
                }

                if (createdDirectory && Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    Directory.Delete(directory);
                }

                throw;
            }
        }

        private static BundleImageProperties WithName(BundleImageProperties properties, string prefix) => new BundleImageProperties
        {
            Architecture = properties.Architecture,
            AccountId = properties.AccountId,
            ImageName = prefix,
            ImageType = properties.ImageType,
            KernelId = properties.KernelId,
            RamdiskId = properties.RamdiskId,
            BlockDeviceMappings = properties.BlockDeviceMappings,
            ProductCodes = properties.ProductCodes,
        };
    }
}
