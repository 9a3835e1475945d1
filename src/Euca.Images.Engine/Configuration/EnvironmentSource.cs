using System;
using System.Linq;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// Offers the environment variables euca2ools 3.x reads, plus the 1.x/2.x names that Eucalyptus' generated
    /// eucarc still exports (EC2_ACCESS_KEY, EC2_SECRET_KEY) as the last fall-back. Earlier names win.
    /// </summary>
    internal static class EnvironmentSource
    {
        public static SettingLayer Read(ConfigurationEnvironment environment)
        {
            var layer = new SettingLayer();
            Func<string, string> asPath = p => PathExpander.Expand(p, environment.CurrentDirectory, environment);
            OfferFirst(layer, environment, CloudSettingNames.ComputeUrl, StripRegionPrefix, "EC2_URL");
            OfferFirst(layer, environment, CloudSettingNames.ObjectStorageUrl, StripRegionPrefix, "S3_URL");
            OfferFirst(layer, environment, CloudSettingNames.BootstrapUrl, StripRegionPrefix, "EUCA_BOOTSTRAP_URL");
            OfferFirst(layer, environment, CloudSettingNames.AccessKey, null, "AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY", "EC2_ACCESS_KEY");
            OfferFirst(layer, environment, CloudSettingNames.SecretKey, null, "AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "EC2_SECRET_KEY");
            OfferFirst(layer, environment, CloudSettingNames.SessionToken, null, "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN");
            OfferFirst(layer, environment, CloudSettingNames.AccountId, null, "EC2_USER_ID");
            OfferFirst(layer, environment, CloudSettingNames.CertificatePath, asPath, "EC2_CERT", "EUCA_CERT");
            OfferFirst(layer, environment, CloudSettingNames.PrivateKeyPath, asPath, "EC2_PRIVATE_KEY", "EUCA_PRIVATE_KEY");
            OfferFirst(layer, environment, CloudSettingNames.CloudCertificatePath, asPath, "EUCALYPTUS_CERT");

            // requestbuilder's variable for the SigV4 scope region.
            OfferFirst(layer, environment, CloudSettingNames.SigningRegion, null, "AWS_AUTH_REGION");
            return layer;
        }

        /// <summary>euca2ools accepts 'REGION::URL' in URL variables; only the URL matters here.</summary>
        public static string StripRegionPrefix(string value)
        {
            var separator = value.IndexOf("::", StringComparison.Ordinal);
            return separator >= 0 && value.IndexOf("://", StringComparison.Ordinal) > separator ? value.Substring(separator + 2) : value;
        }

        private static void OfferFirst(SettingLayer layer, ConfigurationEnvironment environment, string setting, Func<string, string>? transform, params string[] names)
        {
            var found = names.FirstOrDefault(n => environment.Get(n) != null);
            layer.LookedIn(setting, "environment " + string.Join(", ", names));
            if (found != null)
            {
                var value = environment.Get(found)!;
                layer.Offer(setting, transform == null ? value : transform(value), "environment " + found);
            }
        }
    }
}
