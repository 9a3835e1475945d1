using System;
using System.Collections.Generic;
using System.Linq;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// The rules euca2ools enforces on a new bundle (mixins.configure_bundle_properties and the -r/-u/-B argument
    /// types), shared by <see cref="BundleManifestFactory"/> (early, on the user's options) and
    /// <see cref="ManifestWriter"/> (on the finished manifest).
    /// </summary>
    internal static class BundleManifestRules
    {
        /// <summary>The magic kernel_id/ramdisk_id value that marks a kernel or ramdisk bundle for Eucalyptus.</summary>
        public const string MarkerTrue = "true";

        public static void CheckAccountId(string? accountId)
        {
            if (accountId == null || accountId.Length != 12 || !accountId.All(c => c >= '0' && c <= '9'))
            {
                throw new EucaException(ErrorIds.AccountIdInvalid, EucaErrorCategory.InvalidArgument,
                    $"The account id '{accountId}' is not 12 digits (dashes are allowed).", accountId);
            }
        }

        /// <summary>Kernel and ramdisk bundles carry no other image references and no mappings or product codes.</summary>
        public static void CheckTypeOptions(BundleImageType type, string? kernelId, string? ramdiskId,
            int mappingCount, int productCodeCount)
        {
            switch (type)
            {
                case BundleImageType.Kernel:
                    if (kernelId != null && kernelId != MarkerTrue) throw KernelOptions($"a kernel bundle cannot refer to the kernel '{kernelId}'", kernelId);
                    if (ramdiskId != null) throw KernelOptions("a kernel bundle cannot refer to a ramdisk", ramdiskId);
                    if (mappingCount > 0) throw KernelOptions("a kernel bundle cannot have block device mappings", null);
                    if (productCodeCount > 0) throw KernelOptions("a kernel bundle cannot have product codes", null);
                    break;
                case BundleImageType.Ramdisk:
                    if (ramdiskId != null && ramdiskId != MarkerTrue) throw RamdiskOptions($"a ramdisk bundle cannot refer to the ramdisk '{ramdiskId}'", ramdiskId);
                    if (kernelId != null) throw RamdiskOptions("a ramdisk bundle cannot refer to a kernel", kernelId);
                    if (mappingCount > 0) throw RamdiskOptions("a ramdisk bundle cannot have block device mappings", null);
                    if (productCodeCount > 0) throw RamdiskOptions("a ramdisk bundle cannot have product codes", null);
                    break;
                default:
                    // euca2ools turns --kernel true into a kernel bundle; a machine image saying so is contradictory.
                    if (kernelId == MarkerTrue) throw KernelOptions("a machine image cannot have the kernel id 'true' (that marks a kernel bundle)", kernelId);
                    if (ramdiskId == MarkerTrue) throw RamdiskOptions("a machine image cannot have the ramdisk id 'true' (that marks a ramdisk bundle)", ramdiskId);
                    break;
            }
        }

        public static void CheckMappings(IEnumerable<BlockDeviceMapping> mappings)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (BlockDeviceMapping mapping in mappings)
            {
                if (string.IsNullOrEmpty(mapping.VirtualName) || string.IsNullOrEmpty(mapping.Device))
                {
                    throw new EucaException(ErrorIds.BlockDeviceMappingInvalid, EucaErrorCategory.InvalidArgument,
                        $"The block device mapping '{mapping.VirtualName}={mapping.Device}' needs both a virtual name and a device.",
                        mapping.VirtualName);
                }
                if (!seen.Add(mapping.VirtualName))
                {
                    throw new EucaException(ErrorIds.BlockDeviceMappingInvalid, EucaErrorCategory.InvalidArgument,
                        $"The virtual name '{mapping.VirtualName}' is mapped more than once.", mapping.VirtualName);
                }
            }
        }

        /// <summary>Checks everything the writer needs to produce a manifest the cloud and euca2ools accept.</summary>
        public static void CheckComplete(BundleManifest manifest)
        {
            Architectures.Check(ArchitectureUse.Bundling, manifest.Architecture);
            CheckAccountId(manifest.AccountId);
            CheckTypeOptions(manifest.ImageType, manifest.KernelId, manifest.RamdiskId,
                manifest.BlockDeviceMappings.Count, manifest.ProductCodes.Count);
            CheckMappings(manifest.BlockDeviceMappings);
            if (string.IsNullOrEmpty(manifest.ImageName)) throw ValueInvalid("image name", manifest.ImageName);
            if (!HexEncoding.IsHex(manifest.ImageDigest, 40)) throw ValueInvalid("image digest", manifest.ImageDigest);
            if (manifest.Size < 0) throw ValueInvalid("image size", manifest.Size);
            if (manifest.BundledSize < 0) throw ValueInvalid("bundled size", manifest.BundledSize);
            CheckWrappedKey("ec2_encrypted_key", manifest.Ec2EncryptedKey, required: true);
            CheckWrappedKey("ec2_encrypted_iv", manifest.Ec2EncryptedIv, required: true);
            CheckWrappedKey("user_encrypted_key", manifest.UserEncryptedKey, required: false);
            CheckWrappedKey("user_encrypted_iv", manifest.UserEncryptedIv, required: false);
            if (manifest.UserEncryptedKey.Length == 0 != (manifest.UserEncryptedIv.Length == 0))
                throw ValueInvalid("user_encrypted_key/user_encrypted_iv pair (one is empty)", null);
            if (manifest.Parts.Count == 0) throw ValueInvalid("part list (it is empty)", null);
            for (int i = 0; i < manifest.Parts.Count; i++)
            {
                BundlePart part = manifest.Parts[i];
                if (part.Index != i) throw ValueInvalid($"part index (expected {i})", part.Index);
                PartFileNames.Check(part.FileName);
                if (!HexEncoding.IsHex(part.Digest, 40)) throw ValueInvalid($"digest of part {i}", part.Digest);
            }
        }

        private static void CheckWrappedKey(string element, string? value, bool required)
        {
            if (value == null || (required && value.Length == 0) || !HexEncoding.TryDecode(value, out _))
                throw ValueInvalid(element + " (hex expected)", null);
        }

        private static EucaException KernelOptions(string problem, string? target) =>
            new EucaException(ErrorIds.BundleKernelOptionsInvalid, EucaErrorCategory.InvalidArgument, $"Invalid kernel options: {problem}.", target);

        private static EucaException RamdiskOptions(string problem, string? target) =>
            new EucaException(ErrorIds.BundleRamdiskOptionsInvalid, EucaErrorCategory.InvalidArgument, $"Invalid ramdisk options: {problem}.", target);

        private static EucaException ValueInvalid(string what, object? value) =>
            new EucaException(ErrorIds.ManifestValueInvalid, EucaErrorCategory.InvalidArgument, $"The manifest's {what} is missing or invalid.", value);
    }
}
