using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using Euca.Images.Engine.Cloud;

namespace Euca.Images.Engine.Import
{
    /// <summary>
    /// ImportInstance as a signed EC2 query of our own, because the SDK's launch specification has no
    /// <c>LaunchSpecification.KeyName</c>, which euca-import-instance sends and Eucalyptus honours, and the SDK offers
    /// no way to add a parameter to a marshalled request. Parameters are those euca-import-instance sends.
    /// </summary>
    internal static class ImportInstanceQuery
    {
        private const string ApiVersion = "2016-11-15";

        public static IReadOnlyList<KeyValuePair<string, string>> Parameters(InstanceImportRequest request, PreparedDisk disk, string manifestUrl)
        {
            var p = new List<KeyValuePair<string, string>>();
            void Add(string name, string? value)
            {
                if (!string.IsNullOrEmpty(value)) p.Add(new KeyValuePair<string, string>(name, value!));
            }

            Add("Action", "ImportInstance");
            Add("Version", ApiVersion);
            Add("Platform", request.Platform);
            Add("Description", request.Description);
            Add("LaunchSpecification.InstanceType", request.InstanceType);
            Add("LaunchSpecification.Architecture", request.Architecture);
            Add("LaunchSpecification.KeyName", request.KeyName);
            for (int i = 0; i < request.SecurityGroups.Count; i++)
            {
                Add("LaunchSpecification.GroupName." + (i + 1).ToString(CultureInfo.InvariantCulture), request.SecurityGroups[i]);
            }

            Add("LaunchSpecification.Placement.AvailabilityZone", request.AvailabilityZone);
            Add("LaunchSpecification.SubnetId", request.SubnetId);
            Add("LaunchSpecification.PrivateIpAddress", request.PrivateIpAddress);
            Add("LaunchSpecification.Monitoring.Enabled", request.Monitoring ? "true" : null);
            Add("LaunchSpecification.InstanceInitiatedShutdownBehavior", request.InstanceInitiatedShutdownBehavior);
            Add("LaunchSpecification.UserData.Data", request.UserData == null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(request.UserData)));
            Add("DiskImage.1.Image.Format", disk.Format);
            Add("DiskImage.1.Image.Bytes", disk.ImageBytes.ToString(CultureInfo.InvariantCulture));
            Add("DiskImage.1.Image.ImportManifestUrl", manifestUrl);
            Add("DiskImage.1.Volume.Size", disk.VolumeSize.ToString(CultureInfo.InvariantCulture));
            Add("DiskImage.1.Description", request.Description);
            return p;
        }

        /// <summary>Sends the query and returns the new conversion task's id; errors are translated as SDK errors are.</summary>
        public static async Task<string> SendAsync(CloudConnection connection, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
        {
            var settings = connection.Settings;
            Uri endpoint = settings.ComputeUrl!;
            byte[] body = Encoding.UTF8.GetBytes(string.Join("&", parameters.Select(p => SigV4QuerySigner.Encode(p.Key) + "=" + SigV4QuerySigner.Encode(p.Value))));
            var signer = new SigV4QuerySigner(settings.AccessKey!, settings.SecretKey!, settings.SessionToken, settings.SigningRegion, "ec2");

            using (var http = new HttpClient(TlsValidation.CreateHandler(settings, allowAutoRedirect: false), disposeHandler: true) { Timeout = connection.Options.Timeout })
            using (HttpRequestMessage request = signer.SignedFormPost(endpoint, body, DateTime.UtcNow))
            {
                using (var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false))
                {
                    string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    XDocument? document = TryParse(text);
                    string? Find(string name) => document?.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        throw CloudErrorTranslator.FromService(Find("Code"), Find("Message") ?? text, (int)response.StatusCode, endpoint, null, null);
                    }

                    return Find("conversionTaskId") ?? throw CloudErrorTranslator.FromService(null, "The ImportInstance answer names no conversion task.", 500, endpoint, null, null);
                }
            }
        }

        private static XDocument? TryParse(string text)
        {
            try
            {
                return XDocument.Parse(text);
            }
            catch (XmlException)
            {
                return null;
            }
        }
    }
}
