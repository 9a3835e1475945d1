using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Registration;

/// <summary>What Eucalyptus reads from a bundle manifest when registering it (images/ImageManifests.java
/// ImageManifest): the image type from `image/type`, `kernel_id`/`ramdisk_id` = true|yes or the manifest's object
/// name (vmlinuz*, initrd*), Windows from a `windows*` name or kernel_id `windows`, the architecture (i386 when
/// missing), the size, the signing account (`image/user`) and the RSA-SHA1 signature over the raw
/// `machine_configuration` and `image` elements.</summary>
public sealed class BundleManifestFacts
{
    private BundleManifestFacts(string text, XDocument document, string manifestName)
    {
        Text = text;
        ManifestName = manifestName;
        XElement? root = document.Root;
        XElement? machine = root?.Element("machine_configuration");
        XElement? image = root?.Element("image");
        Architecture = Value(machine?.Element("architecture")) ?? "i386";
        ManifestKernelId = Value(machine?.Element("kernel_id"));
        ManifestRamdiskId = Value(machine?.Element("ramdisk_id"));
        TypeElement = Value(image?.Element("type"));
        User = Value(image?.Element("user"));
        Signature = Value(root?.Element("signature"));
        Size = long.TryParse(Value(image?.Element("size")), NumberStyles.None, CultureInfo.InvariantCulture, out long size) ? size : -1;
    }

    public string Text { get; }

    /// <summary>The object name after the last `/`, e.g. vmlinuz-5.4.manifest.xml.</summary>
    public string ManifestName { get; }

    public string Architecture { get; }

    public string? ManifestKernelId { get; }

    public string? ManifestRamdiskId { get; }

    public string? TypeElement { get; }

    public string? User { get; }

    public string? Signature { get; }

    public long Size { get; }

    public bool IsKernel => TypeElement == "kernel" || IsTrue(ManifestKernelId) || ManifestName.StartsWith("vmlinuz", StringComparison.Ordinal);

    public bool IsRamdisk => TypeElement == "ramdisk" || IsTrue(ManifestRamdiskId) || ManifestName.StartsWith("initrd", StringComparison.Ordinal);

    public bool IsWindows => ManifestName.StartsWith("windows", StringComparison.Ordinal) || ManifestKernelId == "windows";

    /// <summary>Parses the manifest; unreadable XML is InvalidManifest (Eucalyptus: "Failed to read manifest file").</summary>
    public static BundleManifestFacts Parse(string text, string location)
    {
        try
        {
            XDocument document = XDocument.Parse(text);
            if (document.Root?.Name.LocalName != "manifest")
            {
                throw new XmlException("the root element is not <manifest>");
            }

            return new BundleManifestFacts(text, document, location[(location.LastIndexOf('/') + 1)..]);
        }
        catch (XmlException e)
        {
            throw InvalidManifest($"Failed to read manifest file: {location}: {e.Message}");
        }
    }

    /// <summary>Eucalyptus' checkManifest: RSA-SHA1 over the raw machine_configuration element followed by the raw image
    /// element, tried with the caller's certificates, then the cloud certificate, then every account's.</summary>
    public bool IsSignedByAny(IEnumerable<X509Certificate2> certificates)
    {
        string? machine = RawElement("machine_configuration");
        string? image = RawElement("image");
        if (machine is null || image is null || Signature is null || Signature.Length % 2 != 0)
        {
            return false;
        }

        byte[] signature;
        try
        {
            signature = Convert.FromHexString(Signature);
        }
        catch (FormatException)
        {
            return false;
        }

        byte[] signed = Encoding.UTF8.GetBytes(machine + image);
        foreach (X509Certificate2 certificate in certificates)
        {
            using RSA? rsa = certificate.GetRSAPublicKey();
            if (rsa is not null && rsa.VerifyData(signed, signature, HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1))
            {
                return true;
            }
        }

        return false;
    }

    // Error code: the Eucalyptus image service raises EucalyptusCloudException("Failed to read manifest file ...") and
    // "Invalid Manifest: ..."; the local cloud answers both as InvalidManifest, the code euca2ools users see for them.
    public static CloudErrorException InvalidManifest(string message) => new(400, "InvalidManifest", message);

    private string? RawElement(string name)
    {
        int start = Text.IndexOf("<" + name + ">", StringComparison.Ordinal);
        string end = "</" + name + ">";
        int stop = start < 0 ? -1 : Text.IndexOf(end, start, StringComparison.Ordinal);
        return stop < 0 ? null : Text[start..(stop + end.Length)];
    }

    private static string? Value(XElement? element) => element is null ? null : element.Value.Trim();

    private static bool IsTrue(string? value) => value is "true" or "yes";
}
