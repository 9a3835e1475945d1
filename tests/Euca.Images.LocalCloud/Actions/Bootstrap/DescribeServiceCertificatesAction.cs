using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Bootstrap;

/// <summary>The bootstrap (Empyrean) call euca2ools uses to fetch the cloud certificate for bundling
/// (euca2ools commands/bundle/mixins.py: Format=pem, FingerprintDigest=SHA-256, then the entry with
/// certificateUsage=image-bundling and serviceType=compute).
///
/// Response shape, from Eucalyptus clc/modules/msgs/src/main/resources/empyrean-binding.xml
/// (DescribeServiceCertificatesResponseType, ServiceCertificateType) and EmpyreanService.java:
/// <code>
/// &lt;DescribeServiceCertificatesResponseType xmlns="http://www.eucalyptus.com/ns/bootstrap/2017-05-04/"&gt;
///   &lt;requestId&gt;...&lt;/requestId&gt;
///   &lt;serviceCertificates&gt;
///     &lt;item&gt;
///       &lt;serviceType&gt;compute&lt;/serviceType&gt;
///       &lt;certificateUsage&gt;image-bundling&lt;/certificateUsage&gt;
///       &lt;certificateFormat&gt;pem&lt;/certificateFormat&gt;           (or der: base64 of the DER bytes)
///       &lt;certificate&gt;-----BEGIN CERTIFICATE-----...&lt;/certificate&gt;
///       &lt;certificateFingerprint&gt;AB:CD:...&lt;/certificateFingerprint&gt; (upper-case hex pairs joined by ':')
///       &lt;certificateFingerprintDigest&gt;SHA-256&lt;/certificateFingerprintDigest&gt;
///     &lt;/item&gt;
///   &lt;/serviceCertificates&gt;
/// &lt;/DescribeServiceCertificatesResponseType&gt;
/// </code>
/// An unknown FingerprintDigest falls back to SHA-256, as in Eucalyptus (Digest.forAlgorithm(..).or(SHA256)).
/// euca2ools ignores the namespace and reads `serviceCertificates` as a list.</summary>
public sealed class DescribeServiceCertificatesAction : ICloudAction
{
    public const string BootstrapNamespace = "http://www.eucalyptus.com/ns/bootstrap/2017-05-04/";
    public const string ImageBundlingUsage = "image-bundling";
    public const string ComputeServiceType = "compute";

    public string Name => "DescribeServiceCertificates";

    public CloudService Service => CloudService.Bootstrap;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    private ActionResponse Execute(ActionContext context)
    {
        bool der = string.Equals(context.Parameters.Get("Format"), "der", StringComparison.OrdinalIgnoreCase);
        (string digestName, Func<byte[], byte[]> digest) = Digest(context.Parameters.Get("FingerprintDigest"));
        bool selected = context.Parameters.GetFilters().All(f => f.Name switch
        {
            "certificate-usage" => f.Values.Any(v => new WildcardPattern(v).IsMatch(ImageBundlingUsage)),
            "service-type" => f.Values.Any(v => new WildcardPattern(v).IsMatch(ComputeServiceType)),
            _ => throw CloudErrors.InvalidParameterValue($"The filter '{f.Name}' is invalid"),
        });

        X509Certificate2 certificate = context.State.CloudCertificate;
        return new ActionResponse(Name + "ResponseType", BootstrapNamespace, w =>
        {
            if (!selected)
            {
                return;
            }

            w.WriteStartElement("serviceCertificates");
            w.WriteStartElement("item");
            w.WriteElementString("serviceType", ComputeServiceType);
            w.WriteElementString("certificateUsage", ImageBundlingUsage);
            w.WriteElementString("certificateFormat", der ? "der" : "pem");
            w.WriteElementString("certificate", der ? Convert.ToBase64String(certificate.RawData) : certificate.ExportCertificatePem() + "\n");
            w.WriteElementString("certificateFingerprint",
                string.Join(":", Convert.ToHexString(digest(certificate.RawData)).Chunk(2).Select(pair => new string(pair))));
            w.WriteElementString("certificateFingerprintDigest", digestName);
            w.WriteEndElement();
            w.WriteEndElement();
        });
    }

    private static (string Name, Func<byte[], byte[]> Hash) Digest(string? requested) => requested?.ToUpperInvariant() switch
    {
        "SHA-1" => ("SHA-1", SHA1.HashData),
        "SHA-384" => ("SHA-384", SHA384.HashData),
        "SHA-512" => ("SHA-512", SHA512.HashData),
        _ => ("SHA-256", SHA256.HashData),
    };
}
