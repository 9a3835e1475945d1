using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Crypto;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>Builds the manifest of a new bundle the way euca-bundle-image does, with its option rules.</summary>
    public static class BundleManifestFactory
    {
        /// <summary>
        /// Checks the user's options and returns a normalized copy: account id without dashes, architecture in
        /// lower case, image type resolved (<c>--kernel true</c> makes a kernel bundle whose kernel id is
        /// <c>true</c>; likewise ramdisk), mappings sorted by virtual name. Call it before bundling starts.
        /// </summary>
        public static BundleImageProperties Normalize(BundleImageProperties properties)
        {
            if (properties == null) throw new ArgumentNullException(nameof(properties));
            string architecture = (properties.Architecture ?? "").Trim().ToLowerInvariant();
            Architectures.Check(ArchitectureUse.Bundling, architecture);
            string accountId = (properties.AccountId ?? "").Trim().Replace("-", "");
            BundleManifestRules.CheckAccountId(accountId);
            if (string.IsNullOrEmpty(properties.ImageName))
                throw new ArgumentException("The image name (bundle prefix) must not be empty.", nameof(properties));

            string? kernelId = EmptyToNull(properties.KernelId);
            string? ramdiskId = EmptyToNull(properties.RamdiskId);
            BundleImageType type = properties.ImageType ?? BundleImageType.Machine;
            if (kernelId == BundleManifestRules.MarkerTrue) type = BundleImageType.Kernel;
            if (ramdiskId == BundleManifestRules.MarkerTrue) type = BundleImageType.Ramdisk;
            BundleManifestRules.CheckTypeOptions(type, kernelId, ramdiskId,
                properties.BlockDeviceMappings.Count, properties.ProductCodes.Count);
            BundleManifestRules.CheckMappings(properties.BlockDeviceMappings);
            if (type == BundleImageType.Kernel) kernelId = BundleManifestRules.MarkerTrue;
            if (type == BundleImageType.Ramdisk) ramdiskId = BundleManifestRules.MarkerTrue;

            return new BundleImageProperties
            {
                Architecture = architecture,
                AccountId = accountId,
                ImageName = properties.ImageName,
                ImageType = type,
                KernelId = kernelId,
                RamdiskId = ramdiskId,
                BlockDeviceMappings = properties.BlockDeviceMappings.OrderBy(m => m.VirtualName, StringComparer.Ordinal).ToList(),
                ProductCodes = properties.ProductCodes.ToList(),
            };
        }

        /// <summary>
        /// The manifest of a finished bundle: the key and IV wrapped for the cloud's certificate and, when given,
        /// the user's (without it the user elements stay empty and only the cloud can open the bundle).
        /// The result is unsigned; <see cref="ManifestWriter"/> signs while writing.
        /// </summary>
        /// <param name="imageDigest">Hex SHA-1 of the uncompressed tar stream.</param>
        /// <param name="bundledSize">Sum of the part sizes.</param>
        public static BundleManifest Create(BundleImageProperties properties, string imageDigest, long imageSize,
            long bundledSize, IEnumerable<BundlePart> parts, BundleKeyMaterial keys,
            X509Certificate2 cloudCertificate, X509Certificate2? userCertificate)
        {
            if (keys == null) throw new ArgumentNullException(nameof(keys));
            if (cloudCertificate == null) throw new ArgumentNullException(nameof(cloudCertificate));
            BundleImageProperties normalized = Normalize(properties);
            var manifest = new BundleManifest
            {
                Architecture = normalized.Architecture,
                BlockDeviceMappings = normalized.BlockDeviceMappings,
                ProductCodes = normalized.ProductCodes,
                KernelId = normalized.KernelId,
                RamdiskId = normalized.RamdiskId,
                ImageName = normalized.ImageName,
                AccountId = normalized.AccountId,
                ImageType = normalized.ImageType ?? BundleImageType.Machine,
                ImageDigest = imageDigest,
                Size = imageSize,
                BundledSize = bundledSize,
                Ec2EncryptedKey = BundleKeyWrapper.Wrap(keys.KeyHex, cloudCertificate),
                Ec2EncryptedIv = BundleKeyWrapper.Wrap(keys.IvHex, cloudCertificate),
                UserEncryptedKey = userCertificate == null ? "" : BundleKeyWrapper.Wrap(keys.KeyHex, userCertificate),
                UserEncryptedIv = userCertificate == null ? "" : BundleKeyWrapper.Wrap(keys.IvHex, userCertificate),
                Parts = parts.OrderBy(p => p.Index).ToList(),
                Signature = BundleManifest.UnsignedSignature,
            };
            BundleManifestRules.CheckComplete(manifest);
            return manifest;
        }

        private static string? EmptyToNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
