using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// Reads a DescribeServiceCertificates response: a <c>serviceCertificates</c> list whose entries carry
    /// <c>serviceType</c>, <c>certificateUsage</c>, <c>certificateFormat</c>, <c>certificate</c> and fingerprint
    /// elements. Entries are recognised by their children rather than by the list-item element name
    /// (<c>member</c> or <c>item</c>), and namespaces are ignored, so both Eucalyptus bindings parse.
    /// </summary>
    internal static class ServiceCertificateParser
    {
        public static string? FindBundlingCertificate(string responseXml)
        {
            XDocument document;
            try
            {
                document = XDocument.Parse(responseXml);
            }
            catch (XmlException)
            {
                return null;
            }

            return document.Descendants()
                .Where(e => Child(e, "certificateUsage") == "image-bundling" && Child(e, "serviceType") == "compute")
                .Select(e => Child(e, "certificate"))
                .FirstOrDefault(pem => !string.IsNullOrWhiteSpace(pem));
        }

        private static string? Child(XElement element, string name) =>
            element.Elements().FirstOrDefault(c => c.Name.LocalName == name)?.Value.Trim();
    }
}
