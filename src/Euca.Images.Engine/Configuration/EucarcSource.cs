using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// Offers the settings of a eucarc file, or of a credentials zip (euca_conf --get-credentials) whose PEM
    /// files are extracted into a private directory and whose eucarc is then read as if it lived there.
    /// Relative paths in the eucarc are resolved against its directory.
    /// </summary>
    internal static class EucarcSource
    {
        public static SettingLayer Read(string? eucarcPath, ConfigurationEnvironment environment, out string? extractedDirectory)
        {
            extractedDirectory = null;
            var layer = new SettingLayer();
            if (string.IsNullOrWhiteSpace(eucarcPath))
            {
                return layer;
            }

            var path = PathExpander.Expand(eucarcPath!, environment.CurrentDirectory, environment);
            if (!File.Exists(path))
            {
                throw new Errors.EucaException(
                    Errors.ErrorIds.EucarcNotFound,
                    Errors.EucaErrorCategory.ObjectNotFound,
                    $"The eucarc or credentials file '{path}' does not exist.",
                    path);
            }

            string directory;
            IReadOnlyList<string> lines;
            string origin;
            if (CredentialsZip.IsZip(path))
            {
                var credentials = CredentialsZip.Extract(path, environment.TempDirectory);
                extractedDirectory = credentials.Directory;
                directory = credentials.Directory;
                lines = credentials.EucarcLines;
                origin = $"credentials zip ({path})";
            }
            else
            {
                directory = Path.GetDirectoryName(path)!;
                lines = ConfigurationFile.ReadLines(path);
                origin = $"eucarc ({path})";
            }

            try
            {
                Offer(layer, lines, directory, origin, environment);
            }
            catch when (extractedDirectory != null)
            {
                // The extracted keys belong to settings that will never exist, so nothing else would remove them.
                Directory.Delete(extractedDirectory, recursive: true);
                throw;
            }

            return layer;
        }

        private static void Offer(SettingLayer layer, IReadOnlyList<string> lines, string directory, string origin, ConfigurationEnvironment environment)
        {
            var variables = EucarcParser.Parse(lines, directory, environment.Get);
            Func<string, string?> get = name => variables.TryGetValue(name, out var v) ? v : null;

            OfferFirst(layer, CloudSettingNames.ComputeUrl, origin, get, EnvironmentSource.StripRegionPrefix, "EC2_URL");
            OfferFirst(layer, CloudSettingNames.ObjectStorageUrl, origin, get, EnvironmentSource.StripRegionPrefix, "S3_URL");
            OfferFirst(layer, CloudSettingNames.BootstrapUrl, origin, get, EnvironmentSource.StripRegionPrefix, "EUCA_BOOTSTRAP_URL");
            OfferFirst(layer, CloudSettingNames.AccessKey, origin, get, null, "AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY", "EC2_ACCESS_KEY");
            OfferFirst(layer, CloudSettingNames.SecretKey, origin, get, null, "AWS_SECRET_ACCESS_KEY", "AWS_SECRET_KEY", "EC2_SECRET_KEY");
            OfferFirst(layer, CloudSettingNames.SessionToken, origin, get, null, "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN");
            OfferFirst(layer, CloudSettingNames.AccountId, origin, get, null, "EC2_USER_ID", "EC2_ACCOUNT_NUMBER");
            Func<string, string> asPath = p => PathExpander.Expand(p, directory, environment, get);
            OfferFirst(layer, CloudSettingNames.CertificatePath, origin, get, asPath, "EC2_CERT", "EUCA_CERT");
            OfferFirst(layer, CloudSettingNames.PrivateKeyPath, origin, get, asPath, "EC2_PRIVATE_KEY", "EUCA_PRIVATE_KEY");
            OfferFirst(layer, CloudSettingNames.CloudCertificatePath, origin, get, asPath, "EUCALYPTUS_CERT");
        }

        private static void OfferFirst(SettingLayer layer, string setting, string origin, Func<string, string?> get, Func<string, string>? transform, params string[] names)
        {
            var found = names.FirstOrDefault(n => !string.IsNullOrWhiteSpace(get(n)));
            layer.LookedIn(setting, $"{origin} {string.Join(", ", names)}");
            if (found != null)
            {
                var value = get(found)!;
                layer.Offer(setting, transform == null ? value : transform(value), origin);
            }
        }
    }
}
