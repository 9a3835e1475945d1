using System;
using System.Linq;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// Re-targets a bundle manifest at another cloud without touching its parts: the signature is verified over the raw
    /// signed bytes of the file, the AES key and IV are unwrapped from the user's copy and wrapped again for the other
    /// cloud's certificate (<c>ec2_encrypted_*</c>), the kernel and ramdisk may change, and the result is signed again.
    /// Part names, digests, sizes and the image digest are carried over unchanged, so the image data is never decrypted.
    /// ec2-ami-tools' <c>kernel_name</c> and <c>ancestry</c> are not written (the writer never does); they are not
    /// signed by a euca2ools reader and Eucalyptus needs neither to run the image.
    /// </summary>
    public static class ManifestConverter
    {
        /// <param name="source">Where the manifest came from (path or location), for error messages.</param>
        public static ConvertedManifest Convert(ManifestDocument document, ManifestConversionRequest request, string source)
        {
            if (document == null) throw new ArgumentNullException(nameof(document));
            if (request == null) throw new ArgumentNullException(nameof(request));
            BundleManifest original = document.Manifest;
            ManifestTrust.Verify(document, request.PrivateKey, request.PrivateKeyName, source);
            CheckBootImages(original, request, source);
            string? kernelId = request.KernelId == null ? original.KernelId : ResourceIdPattern.Kernel(request.KernelId);
            string? ramdiskId = request.RamdiskId == null ? original.RamdiskId : ResourceIdPattern.Ramdisk(request.RamdiskId);
            BundleKeyMaterial keys = original.UnwrapKey(request.PrivateKey).Material;

            BundleManifest converted = CopyOf(original);
            converted.Ec2EncryptedKey = BundleKeyWrapper.Wrap(keys.KeyHex, request.CloudCertificate);
            converted.Ec2EncryptedIv = BundleKeyWrapper.Wrap(keys.IvHex, request.CloudCertificate);
            if (request.UserCertificate != null)
            {
                converted.UserEncryptedKey = BundleKeyWrapper.Wrap(keys.KeyHex, request.UserCertificate);
                converted.UserEncryptedIv = BundleKeyWrapper.Wrap(keys.IvHex, request.UserCertificate);
            }

            converted.KernelId = kernelId;
            converted.RamdiskId = ramdiskId;
            byte[] content = new ManifestWriter().Write(converted, request.PrivateKey);
            return new ConvertedManifest(content, ManifestReader.Read(content, source).Manifest);
        }

        /// <summary>New boot images make sense only for a machine image.</summary>
        private static void CheckBootImages(BundleManifest manifest, ManifestConversionRequest request, string source)
        {
            if (request.KernelId == null && request.RamdiskId == null)
            {
                return;
            }

            if (manifest.ImageType != BundleImageType.Machine)
            {
                throw new EucaException(ErrorIds.ManifestConversionKernelNotAllowed, EucaErrorCategory.InvalidArgument,
                    $"The manifest '{source}' is a {ManifestWriter.TypeName(manifest.ImageType)} bundle, which boots no kernel or ramdisk; -KernelId and -RamdiskId apply to machine images only.",
                    request.KernelId ?? request.RamdiskId);
            }
        }

        private static BundleManifest CopyOf(BundleManifest original) => new BundleManifest
        {
            // Eucalyptus reads a missing architecture as i386; the writer needs it spelled out.
            Architecture = original.Architecture ?? "i386",
            BlockDeviceMappings = original.BlockDeviceMappings.ToList(),
            ProductCodes = original.ProductCodes.ToList(),
            ImageName = original.ImageName,
            AccountId = original.AccountId,
            ImageType = original.ImageType,
            ImageDigest = original.ImageDigest,
            Size = original.Size,
            BundledSize = original.BundledSize,
            UserEncryptedKey = original.UserEncryptedKey,
            UserEncryptedIv = original.UserEncryptedIv,
            Parts = original.Parts.ToList(),
        };
    }
}
