using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// Resolves <see cref="CloudSettings"/> setting by setting: each takes the value of the highest source that
    /// has it, in the order explicit parameters, stored profile (Set-EucaCredential -StoreAs), euca2ools.ini, eucarc
    /// or credentials zip, AWS shared-credentials profile, environment variables. Missing object-storage and bootstrap URLs are then derived from a
    /// Eucalyptus path-style compute URL (http://HOST:8773/services/compute -> .../services/objectstorage and
    /// .../services/Empyrean on the same host and port), the layout euca2ools' localhost.ini describes; any other
    /// compute URL (DNS-style, AWS) gives no derivation, because the service host names cannot be guessed.
    /// Resolving never fails for missing values; <see cref="CloudSettings.Validate"/> does.
    /// </summary>
    public static class CloudSettingsResolver
    {
        private const string ComputePath = "/services/compute";

        public static CloudSettings Resolve(CloudSettingsRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var environment = request.Environment ?? ConfigurationEnvironment.FromSystem();
            // A stored profile named by -ProfileName is a whole connection: it comes right after the parameters, and
            // the AWS profile files are then not searched for that name.
            SettingLayer? stored = StoredProfileSource.Read(request, environment);
            var layers = new List<SettingLayer> { ParameterSource.Read(request, environment) };
            if (stored != null)
            {
                layers.Add(stored);
            }

            layers.Add(Euca2oolsSource.Read(request, environment));
            string? temporaryDirectory;
            layers.Add(EucarcSource.Read(request.EucarcPath, environment, out temporaryDirectory));
            try
            {
                return Combine(layers, request, environment, temporaryDirectory, profileIsStored: stored != null);
            }
            catch when (temporaryDirectory != null)
            {
                // The credentials zip's keys were extracted for settings that will now never exist (and so never be disposed).
                Directory.Delete(temporaryDirectory, recursive: true);
                throw;
            }
        }

        private static CloudSettings Combine(List<SettingLayer> layers, CloudSettingsRequest request, ConfigurationEnvironment environment, string? temporaryDirectory, bool profileIsStored)
        {
            // A profile's credential_process runs only when no layer above already gives the keys.
            bool keysGiven = layers.Any(layer => layer.TryGet(CloudSettingNames.AccessKey, out _));
            layers.Add(AwsProfileSource.Read(request, environment, profileIsStored, keysGiven));
            layers.Add(EnvironmentSource.Read(environment));

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var sources = new Dictionary<string, string>(StringComparer.Ordinal);
            var lookedIn = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var setting in CloudSettingNames.All)
            {
                lookedIn[setting] = layers.SelectMany(l => l.PlacesFor(setting)).Distinct().ToList();
                foreach (var layer in layers)
                {
                    if (layer.TryGet(setting, out var found))
                    {
                        values[setting] = found.Value;
                        sources[setting] = found.Source;
                        break;
                    }
                }
            }

            // Before any check that could name a value in its message.
            CloudSettings.RefuseSecretsInOtherSettings(values, sources);
            NormalizeAccountId(values, sources);
            Derive(values, sources, CloudSettingNames.ObjectStorageUrl, "/services/objectstorage");
            Derive(values, sources, CloudSettingNames.BootstrapUrl, "/services/Empyrean");
            if (!values.ContainsKey(CloudSettingNames.SigningRegion))
            {
                sources[CloudSettingNames.SigningRegion] = "default";
            }

            if (!values.ContainsKey(CloudSettingNames.SkipCertificateCheck))
            {
                sources[CloudSettingNames.SkipCertificateCheck] = "default";
            }

            return new CloudSettings(values, sources, lookedIn, temporaryDirectory);
        }

        private static void NormalizeAccountId(Dictionary<string, string> values, Dictionary<string, string> sources)
        {
            if (!values.TryGetValue(CloudSettingNames.AccountId, out var raw))
            {
                return;
            }

            var id = raw.Replace("-", string.Empty);
            if (id.Length != 12 || !id.All(c => c >= '0' && c <= '9'))
            {
                throw new EucaException(
                    ErrorIds.AccountIdInvalid,
                    EucaErrorCategory.InvalidArgument,
                    $"The account id '{raw}' (from {sources[CloudSettingNames.AccountId]}) is not 12 digits.",
                    raw);
            }

            values[CloudSettingNames.AccountId] = id;
        }

        private static void Derive(Dictionary<string, string> values, Dictionary<string, string> sources, string setting, string servicePath)
        {
            if (values.ContainsKey(setting) || !values.TryGetValue(CloudSettingNames.ComputeUrl, out var compute))
            {
                return;
            }

            if (!Uri.TryCreate(compute, UriKind.Absolute, out var uri)
                || !uri.AbsolutePath.TrimEnd('/').Equals(ComputePath, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            values[setting] = new UriBuilder(uri) { Path = servicePath, Query = string.Empty }.Uri.ToString();
            sources[setting] = $"derived from ComputeUrl ({sources[CloudSettingNames.ComputeUrl]})";
        }
    }
}
