using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Amazon.Runtime;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// Offers an AWS shared-configuration profile: keys from the credentials file (ProfileLocation, else
    /// AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials, section [NAME]) and the config file
    /// (AWS_CONFIG_FILE, else ~/.aws/config, section [profile NAME] or [default]); the credentials file wins.
    /// Endpoints: a <c>services</c> reference's <c>ec2</c>/<c>s3</c> endpoint_url beats the profile's global
    /// endpoint_url, which, as in the AWS tools, applies to both services.
    /// Keys not written as plain values (credential_process, the SDK's encrypted store) come from AWSSDK.Core's profile
    /// chain (<see cref="AwsSdkProfileCredentials"/>).
    /// The profile is the -ProfileName value, else AWS_PROFILE, else 'default'; a profile someone named and that
    /// exists in neither file (nor among the stored profiles, which are searched first) is an error, never a silent
    /// fall-back.
    /// </summary>
    internal static class AwsProfileSource
    {
        public static SettingLayer Read(CloudSettingsRequest request, ConfigurationEnvironment environment, bool profileIsStored, bool keysGiven)
        {
            var layer = new SettingLayer();
            var named = !profileIsStored && !string.IsNullOrWhiteSpace(request.ProfileName);
            var profile = named ? request.ProfileName!.Trim() : environment.Get("AWS_PROFILE");
            var origin = named ? "parameter -ProfileName" : "environment AWS_PROFILE";
            if (profile == null)
            {
                profile = "default";
            }

            var credentialsFile = CredentialsFile(request.ProfileLocation, environment);
            var configFile = ConfigFile(environment);

            var credentials = LoadIfExists(credentialsFile)?.Section(profile);
            var configDocument = LoadIfExists(configFile);
            var config = configDocument?.Section(profile == "default" ? "default" : "profile " + profile)
                ?? configDocument?.Section("profile " + profile);

            // Keys the files do not hold as plain values (credential_process, the SDK's encrypted store on Windows) come
            // from AWSSDK.Core's profile chain, as AWS.Tools gets them.
            // Getting them may run a process, so that happens only when no source above gave the keys already.
            bool plainKeys = Value(credentials, "aws_access_key_id") != null || Value(config, "aws_access_key_id") != null;
            bool sdkProfile = !plainKeys && AwsSdkProfileCredentials.Knows(profile, credentialsFile);
            ImmutableCredentials? sdkKeys = sdkProfile && !keysGiven ? AwsSdkProfileCredentials.Resolve(profile, credentialsFile) : null;
            if (credentials == null && config == null && !sdkProfile && (named || profile != "default"))
            {
                throw new EucaException(
                    ErrorIds.AwsProfileNotFound,
                    EucaErrorCategory.ObjectNotFound,
                    $"The AWS profile '{profile}' (named by {origin}) exists in neither '{credentialsFile}' nor '{configFile}', and no profile of that name is stored (Get-EucaCredential -ListProfileDetail).",
                    profile);
            }

            var credentialsPlace = $"AWS profile '{profile}' ({credentialsFile})";
            var configPlace = $"AWS profile '{profile}' ({configFile})";
            OfferKey(layer, CloudSettingNames.AccessKey, "aws_access_key_id", credentials, credentialsPlace, config, configPlace);
            OfferKey(layer, CloudSettingNames.SecretKey, "aws_secret_access_key", credentials, credentialsPlace, config, configPlace);
            OfferKey(layer, CloudSettingNames.SessionToken, "aws_session_token", credentials, credentialsPlace, config, configPlace);
            if (sdkKeys != null)
            {
                string sdkPlace = $"AWS profile '{profile}' (AWS SDK credentials)";
                layer.Offer(CloudSettingNames.AccessKey, sdkKeys.AccessKey, sdkPlace);
                layer.Offer(CloudSettingNames.SecretKey, sdkKeys.SecretKey, sdkPlace);
                layer.Offer(CloudSettingNames.SessionToken, string.IsNullOrEmpty(sdkKeys.Token) ? null : sdkKeys.Token, sdkPlace);
            }

            var services = config != null && config.TryGetValue("services", out var servicesName)
                ? configDocument!.Section("services " + servicesName.Value)
                : null;
            OfferEndpoint(layer, CloudSettingNames.ComputeUrl, "ec2", services, config, configPlace);
            OfferEndpoint(layer, CloudSettingNames.ObjectStorageUrl, "s3", services, config, configPlace);
            return layer;
        }

        /// <summary>The shared-credentials file: -ProfileLocation, else AWS_SHARED_CREDENTIALS_FILE, else ~/.aws/credentials.</summary>
        public static string CredentialsFile(string? profileLocation, ConfigurationEnvironment environment) =>
            !string.IsNullOrWhiteSpace(profileLocation)
                ? PathExpander.Expand(profileLocation!, environment.CurrentDirectory, environment)
                : environment.Get("AWS_SHARED_CREDENTIALS_FILE") is string sharedFile
                    ? PathExpander.Expand(sharedFile, environment.CurrentDirectory, environment)
                    : Path.Combine(environment.HomeDirectory, ".aws", "credentials");

        /// <summary>The config file: AWS_CONFIG_FILE, else ~/.aws/config.</summary>
        public static string ConfigFile(ConfigurationEnvironment environment) =>
            environment.Get("AWS_CONFIG_FILE") is string configVariable
                ? PathExpander.Expand(configVariable, environment.CurrentDirectory, environment)
                : Path.Combine(environment.HomeDirectory, ".aws", "config");

        /// <summary>Every profile named in the credentials or the config file ([NAME], [default], [profile NAME]).</summary>
        public static IEnumerable<string> ProfileNames(string? profileLocation, ConfigurationEnvironment environment)
        {
            IEnumerable<string> credentials = LoadIfExists(CredentialsFile(profileLocation, environment))?.SectionNames ?? Enumerable.Empty<string>();
            IEnumerable<string> config = (LoadIfExists(ConfigFile(environment))?.SectionNames ?? Enumerable.Empty<string>())
                .Where(name => name == "default" || name.StartsWith("profile ", StringComparison.Ordinal))
                .Select(name => name == "default" ? name : name.Substring("profile ".Length).Trim());
            return credentials.Concat(config).Distinct(StringComparer.Ordinal);
        }

        private static IniDocument? LoadIfExists(string file) => File.Exists(file) ? IniDocument.Load(new[] { file }) : null;

        private static void OfferKey(
            SettingLayer layer, string setting, string key,
            IReadOnlyDictionary<string, IniValue>? credentials, string credentialsPlace,
            IReadOnlyDictionary<string, IniValue>? config, string configPlace)
        {
            layer.Offer(setting, Value(credentials, key), credentialsPlace);
            layer.Offer(setting, Value(config, key), configPlace);
        }

        private static void OfferEndpoint(
            SettingLayer layer, string setting, string service,
            IReadOnlyDictionary<string, IniValue>? services, IReadOnlyDictionary<string, IniValue>? config, string configPlace)
        {
            var nested = Value(services, service);
            layer.Offer(setting, nested == null ? null : NestedValue(nested, "endpoint_url"), configPlace + $" services {service} endpoint_url");
            layer.Offer(setting, Value(config, "endpoint_url"), configPlace + " endpoint_url");
        }

        private static string? Value(IReadOnlyDictionary<string, IniValue>? section, string key) =>
            section != null && section.TryGetValue(key, out var value) ? value.Value : null;

        /// <summary>Reads 'name = value' from a nested block (the indented lines under 'ec2 =').</summary>
        private static string? NestedValue(string block, string name)
        {
            foreach (var line in block.Split('\n'))
            {
                var separator = line.IndexOf('=');
                if (separator > 0 && string.Equals(line.Substring(0, separator).Trim(), name, StringComparison.OrdinalIgnoreCase))
                {
                    return line.Substring(separator + 1).Trim();
                }
            }

            return null;
        }
    }
}
