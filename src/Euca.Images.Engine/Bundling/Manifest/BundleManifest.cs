using System.Collections.Generic;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// The content of a bundle manifest (version 2007-10-10). All binary values are lower-case hex strings, as in
    /// the file. <see cref="ManifestReader"/> fills it from a file; <see cref="BundleManifestFactory"/> builds one
    /// for a new bundle and <see cref="ManifestWriter"/> writes it.
    /// </summary>
    public sealed class BundleManifest
    {
        public const string FormatVersion = "2007-10-10";

        /// <summary>Literal <c>UNSIGNED</c>, what euca2ools writes when it has no private key.</summary>
        public const string UnsignedSignature = "UNSIGNED";

        public string Version { get; set; } = FormatVersion;

        /// <summary>The tool named in the file. The writer ignores it and always names this engine.</summary>
        public BundlerInfo? Bundler { get; set; }

        /// <summary>Null only for a read manifest that has none (Eucalyptus then assumes i386).</summary>
        public string? Architecture { get; set; }

        public IList<BlockDeviceMapping> BlockDeviceMappings { get; set; } = new List<BlockDeviceMapping>();

        public IList<string> ProductCodes { get; set; } = new List<string>();

        /// <summary>An eki- id, or <c>true</c> in a kernel bundle (how Eucalyptus recognises kernels).</summary>
        public string? KernelId { get; set; }

        /// <summary>An eri- id, or <c>true</c> in a ramdisk bundle.</summary>
        public string? RamdiskId { get; set; }

        /// <summary>The bundle prefix: tar member name and the file name an unbundle produces.</summary>
        public string ImageName { get; set; } = "";

        /// <summary>The owner's 12-digit account id, without dashes.</summary>
        public string AccountId { get; set; } = "";

        public BundleImageType ImageType { get; set; } = BundleImageType.Machine;

        /// <summary>ec2-ami-tools' <c>image/kernel_name</c>, kept when read; never written.</summary>
        public string? KernelName { get; set; }

        /// <summary>ec2-ami-tools' <c>image/ancestry/ancestor_ami_id</c> values, kept when read; never written.</summary>
        public IList<string> AncestorAmiIds { get; set; } = new List<string>();

        /// <summary>SHA-1 of the uncompressed tar stream.</summary>
        public string ImageDigest { get; set; } = "";

        /// <summary>Image size in bytes.</summary>
        public long Size { get; set; }

        /// <summary>Sum of the part sizes (the ciphertext length).</summary>
        public long BundledSize { get; set; }

        public string Ec2EncryptedKey { get; set; } = "";

        /// <summary>Empty when the bundle was made without a user certificate.</summary>
        public string UserEncryptedKey { get; set; } = "";

        public string Ec2EncryptedIv { get; set; } = "";

        /// <summary>Empty when the bundle was made without a user certificate.</summary>
        public string UserEncryptedIv { get; set; } = "";

        /// <summary>Sorted by index, indexes 0..N-1.</summary>
        public IList<BundlePart> Parts { get; set; } = new List<BundlePart>();

        /// <summary>Hex RSA-SHA1 signature, <see cref="UnsignedSignature"/>, or null when a read file has none.</summary>
        public string? Signature { get; set; }

        /// <summary>Whether the manifest carries a signature (bundles made without a private key are unsigned).</summary>
        public bool Signed => !string.IsNullOrEmpty(Signature) && Signature != UnsignedSignature;
    }
}
