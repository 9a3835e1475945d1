using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// Writes a manifest byte for byte in euca2ools 3.4's shape: <c>&lt;?xml version='1.0' encoding='ASCII'?&gt;</c>,
    /// a newline, then the whole document on one line without a trailing newline; double-quoted attributes,
    /// empty elements self-closed. The signature covers exactly the written
    /// <c>&lt;machine_configuration&gt;…&lt;/machine_configuration&gt;&lt;image&gt;…&lt;/image&gt;</c> bytes.
    /// </summary>
    public sealed class ManifestWriter
    {
        private const string Declaration = "<?xml version='1.0' encoding='ASCII'?>\n";
        private const string KeyAlgorithm = "AES-128-CBC";

        private readonly BundlerInfo _bundler;

        public ManifestWriter()
            : this(EngineBundler())
        {
        }

        /// <summary>Lets golden tests impersonate euca2ools; products always name this engine.</summary>
        internal ManifestWriter(BundlerInfo bundler)
        {
            _bundler = bundler;
        }

        /// <summary>Name, version and release written into <c>bundler</c>.</summary>
        public BundlerInfo Bundler => _bundler;

        /// <summary>
        /// The manifest file's bytes, signed with <paramref name="signingKey"/> (RSASSA-PKCS1-v1_5, SHA-1) or
        /// <c>UNSIGNED</c> without one. <see cref="BundleManifest.Signature"/> and <see cref="BundleManifest.Bundler"/>
        /// of the model are ignored.
        /// </summary>
        public byte[] Write(BundleManifest manifest, RSA? signingKey)
        {
            if (manifest == null) throw new ArgumentNullException(nameof(manifest));
            BundleManifestRules.CheckComplete(manifest);

            string signed = MachineConfiguration(manifest) + Image(manifest);
            byte[] signedBytes = Encoding.ASCII.GetBytes(signed);
            string signature = signingKey == null
                ? BundleManifest.UnsignedSignature
                : ManifestSignature.Sign(signedBytes, signingKey);

            var document = new StringBuilder(Declaration.Length + signed.Length + 1024);
            document.Append(Declaration).Append("<manifest>");
            Element(document, "version", BundleManifest.FormatVersion);
            document.Append("<bundler>");
            Element(document, "name", _bundler.Name);
            Element(document, "version", _bundler.Version);
            Element(document, "release", _bundler.Release);
            document.Append("</bundler>");
            document.Append(signed);
            Element(document, "signature", signature);
            document.Append("</manifest>");
            return Encoding.ASCII.GetBytes(document.ToString());
        }

        private static string MachineConfiguration(BundleManifest manifest)
        {
            var xml = new StringBuilder();
            xml.Append("<machine_configuration>");
            Element(xml, "architecture", manifest.Architecture!);
            if (manifest.ImageType == BundleImageType.Machine && manifest.BlockDeviceMappings.Count > 0)
            {
                xml.Append("<block_device_mapping>");
                foreach (BlockDeviceMapping mapping in manifest.BlockDeviceMappings.OrderBy(m => m.VirtualName, StringComparer.Ordinal))
                {
                    xml.Append("<mapping>");
                    Element(xml, "virtual", mapping.VirtualName);
                    Element(xml, "device", mapping.Device);
                    xml.Append("</mapping>");
                }
                xml.Append("</block_device_mapping>");
            }
            if (manifest.ImageType == BundleImageType.Machine && manifest.ProductCodes.Count > 0)
            {
                xml.Append("<product_codes>");
                foreach (string code in manifest.ProductCodes) Element(xml, "product_code", code);
                xml.Append("</product_codes>");
            }
            // Written for every image type: Eucalyptus recognises kernel and ramdisk bundles by the value "true".
            if (!string.IsNullOrEmpty(manifest.KernelId)) Element(xml, "kernel_id", manifest.KernelId!);
            if (!string.IsNullOrEmpty(manifest.RamdiskId)) Element(xml, "ramdisk_id", manifest.RamdiskId!);
            xml.Append("</machine_configuration>");
            return xml.ToString();
        }

        private static string Image(BundleManifest manifest)
        {
            var xml = new StringBuilder();
            xml.Append("<image>");
            Element(xml, "name", manifest.ImageName);
            Element(xml, "user", manifest.AccountId);
            // type must directly follow user (euca2ools keeps it there "for EC2 compatibility").
            Element(xml, "type", TypeName(manifest.ImageType));
            Element(xml, "digest", "algorithm", "SHA1", manifest.ImageDigest.ToLowerInvariant());
            Element(xml, "size", manifest.Size.ToString(CultureInfo.InvariantCulture));
            Element(xml, "bundled_size", manifest.BundledSize.ToString(CultureInfo.InvariantCulture));
            Element(xml, "ec2_encrypted_key", "algorithm", KeyAlgorithm, manifest.Ec2EncryptedKey);
            Element(xml, "user_encrypted_key", "algorithm", KeyAlgorithm, manifest.UserEncryptedKey);
            Element(xml, "ec2_encrypted_iv", manifest.Ec2EncryptedIv);
            Element(xml, "user_encrypted_iv", manifest.UserEncryptedIv);
            xml.Append("<parts count=\"").Append(manifest.Parts.Count.ToString(CultureInfo.InvariantCulture)).Append("\">");
            foreach (BundlePart part in manifest.Parts)
            {
                xml.Append("<part index=\"").Append(part.Index.ToString(CultureInfo.InvariantCulture)).Append("\">");
                Element(xml, "filename", part.FileName);
                Element(xml, "digest", "algorithm", "SHA1", part.Digest.ToLowerInvariant());
                xml.Append("</part>");
            }
            xml.Append("</parts>");
            xml.Append("</image>");
            return xml.ToString();
        }

        internal static string TypeName(BundleImageType type)
        {
            switch (type)
            {
                case BundleImageType.Kernel: return "kernel";
                case BundleImageType.Ramdisk: return "ramdisk";
                default: return "machine";
            }
        }

        private static void Element(StringBuilder xml, string name, string text) => Element(xml, name, null, null, text);

        private static void Element(StringBuilder xml, string name, string? attribute, string? attributeValue, string text)
        {
            xml.Append('<').Append(name);
            if (attribute != null) xml.Append(' ').Append(attribute).Append("=\"").Append(attributeValue).Append('"');
            if (text.Length == 0)
            {
                xml.Append("/>");
                return;
            }
            xml.Append('>');
            ManifestXmlText.AppendEscaped(xml, text);
            xml.Append("</").Append(name).Append('>');
        }

        private static BundlerInfo EngineBundler()
        {
            string version = typeof(ManifestWriter).Assembly
                .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
            return new BundlerInfo("Euca.Images", version, "0");
        }
    }
}
