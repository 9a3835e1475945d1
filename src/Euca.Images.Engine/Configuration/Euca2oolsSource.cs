using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// Reads euca2ools.ini files and offers the selected region's and user's settings.
    /// Region selection follows euca2ools: the -Region value (USER@REGION, REGION or USER@), else
    /// EUCA_DEFAULT_REGION, else AWS_DEFAULT_REGION, else [global] default-region; the user comes from
    /// 'USER@' or else from the region's 'user' option.
    /// The region's name is deliberately NOT used as the SigV4 signing region: Eucalyptus ignores the scope
    /// region, and section names such as 'localhost' would only mislead AWS-style endpoints.
    /// </summary>
    internal static class Euca2oolsSource
    {
        public static SettingLayer Read(CloudSettingsRequest request, ConfigurationEnvironment environment)
        {
            var layer = new SettingLayer();
            var patterns = SearchPatterns(environment);
            var files = ConfigFiles(environment);
            var filesText = files.Count == 0
                ? "no euca2ools.ini files found in " + string.Join(", ", patterns)
                : "files read: " + string.Join(", ", files);

            var config = new Euca2oolsConfig(files);
            var selection = SelectRegion(request, environment, config);
            var region = selection.Region;
            var user = selection.User;

            if (region != null && config.FindRegionSection(region) == null && selection.MustExist)
            {
                throw NoSuchSection("region", region, selection.Origin, filesText);
            }

            if (user == null && region != null)
            {
                user = config.RegionOption(region, "user")?.Value;
            }

            if (user != null && selection.UserGiven && config.FindUserSection(user) == null)
            {
                throw NoSuchSection("user", user, selection.Origin, filesText);
            }

            OfferRegion(layer, config, region, CloudSettingNames.ComputeUrl, "ec2-url", filesText, environment);
            OfferRegion(layer, config, region, CloudSettingNames.ObjectStorageUrl, "s3-url", filesText, environment);
            OfferRegion(layer, config, region, CloudSettingNames.BootstrapUrl, "bootstrap-url", filesText, environment);
            OfferRegion(layer, config, region, CloudSettingNames.CloudCertificatePath, "certificate", filesText, environment);
            OfferVerifySsl(layer, config, region, filesText);

            OfferUser(layer, config, user, CloudSettingNames.AccessKey, "key-id", filesText, environment);
            OfferUser(layer, config, user, CloudSettingNames.SecretKey, "secret-key", filesText, environment);
            OfferUser(layer, config, user, CloudSettingNames.AccountId, "account-id", filesText, environment);
            OfferUser(layer, config, user, CloudSettingNames.CertificatePath, "certificate", filesText, environment);
            OfferUser(layer, config, user, CloudSettingNames.PrivateKeyPath, "private-key", filesText, environment);
            return layer;
        }

        /// <summary>
        /// An option that is not a connection setting (eustore's <c>eustore-url</c>): the selected region's value, else
        /// the [global] one; null when neither sets it. The region is selected as <see cref="Read"/> selects it without
        /// -Region (EUCA_DEFAULT_REGION, AWS_DEFAULT_REGION, [global] default-region). Where says which file and section.
        /// </summary>
        public static (string Value, string Where)? RegionOrGlobalOption(string option, ConfigurationEnvironment environment)
        {
            var config = new Euca2oolsConfig(ConfigFiles(environment));
            var region = SelectRegion(new CloudSettingsRequest(), environment, config).Region;
            if (region != null && config.RegionOption(region, option) is ConfigLookupResult found)
            {
                return (found.Value, $"euca2ools.ini [region {found.Section}] '{option}' ({found.File})");
            }

            return config.GlobalOption(option) is string global ? (global, $"euca2ools.ini [global] '{option}'") : ((string, string)?)null;
        }

        /// <summary>The euca2ools configuration files that exist, in the order they are read.</summary>
        public static List<string> ConfigFiles(ConfigurationEnvironment environment) => SearchPatterns(environment).SelectMany(ConfigFileGlob.Expand).ToList();

        private static IReadOnlyList<string> SearchPatterns(ConfigurationEnvironment environment)
        {
            var custom = environment.Get("EUCA_CONFIG_PATH");
            if (custom != null)
            {
                return custom.Split(new[] { ':' }, StringSplitOptions.RemoveEmptyEntries)
                    .Select(p => PathExpander.Expand(p, environment.CurrentDirectory, environment))
                    .ToList();
            }

            return new[]
            {
                Path.Combine(environment.EtcDirectory, "euca2ools", "euca2ools.ini"),
                Path.Combine(environment.EtcDirectory, "euca2ools", "conf.d", "*.ini"),
                Path.Combine(environment.HomeDirectory, ".euca", "*.ini"),
            };
        }

        private static RegionSelection SelectRegion(CloudSettingsRequest request, ConfigurationEnvironment environment, Euca2oolsConfig config)
        {
            string? spec;
            string origin;
            bool mustExist;
            if (!string.IsNullOrWhiteSpace(request.Region))
            {
                (spec, origin, mustExist) = (request.Region!.Trim(), "parameter -Region", true);
            }
            else if (environment.Get("EUCA_DEFAULT_REGION") is string eucaDefault)
            {
                (spec, origin, mustExist) = (eucaDefault, "environment EUCA_DEFAULT_REGION", true);
            }
            else if (environment.Get("AWS_DEFAULT_REGION") is string awsDefault)
            {
                // Commonly set for AWS tools; a value naming no euca2ools region is not an error here.
                (spec, origin, mustExist) = (awsDefault, "environment AWS_DEFAULT_REGION", false);
            }
            else
            {
                (spec, origin, mustExist) = (null, "[global] default-region", false);
            }

            string? user = null;
            string? region = spec;
            if (spec != null)
            {
                var at = spec.IndexOf('@');
                if (at >= 0)
                {
                    user = at > 0 ? spec.Substring(0, at) : null;
                    region = at < spec.Length - 1 ? spec.Substring(at + 1) : null;
                }
            }

            if (region == null)
            {
                // Only a region someone named explicitly must exist; default-region is a fallback.
                region = config.GlobalOption("default-region");
                mustExist = false;
            }

            return new RegionSelection(region, user, origin, mustExist, user != null);
        }

        private static void OfferRegion(SettingLayer layer, Euca2oolsConfig config, string? region, string setting, string option, string filesText, ConfigurationEnvironment environment)
        {
            if (region == null)
            {
                layer.LookedIn(setting, $"euca2ools.ini '{option}' (no region selected; {filesText})");
                return;
            }

            Offer(layer, config.RegionOption(region, option), setting, $"euca2ools.ini [region {region}] '{option}' ({filesText})", environment);
        }

        private static void OfferUser(SettingLayer layer, Euca2oolsConfig config, string? user, string setting, string option, string filesText, ConfigurationEnvironment environment)
        {
            if (user == null)
            {
                layer.LookedIn(setting, $"euca2ools.ini '{option}' (no user selected; {filesText})");
                return;
            }

            Offer(layer, config.UserOption(user, option), setting, $"euca2ools.ini [user {user}] '{option}' ({filesText})", environment);
        }

        private static void Offer(SettingLayer layer, ConfigLookupResult? found, string setting, string place, ConfigurationEnvironment environment)
        {
            if (found == null)
            {
                layer.LookedIn(setting, place);
                return;
            }

            var value = CloudSettingNames.IsPath(setting)
                ? PathExpander.Expand(found.Value, Path.GetDirectoryName(found.File)!, environment)
                : found.Value;
            layer.LookedIn(setting, place);
            layer.Offer(setting, value, found.Describe());
        }

        private static void OfferVerifySsl(SettingLayer layer, Euca2oolsConfig config, string? region, string filesText)
        {
            // euca2ools defaults verify-ssl to false; we keep verification on unless the option is present
            // and false, because silently trusting any certificate is not a safe default.
            var place = $"euca2ools.ini [region {region}] 'verify-ssl' ({filesText})";
            var found = region == null ? null : config.RegionOption(region, "verify-ssl");
            if (found == null)
            {
                layer.LookedIn(CloudSettingNames.SkipCertificateCheck, place);
                return;
            }

            var verify = ParseBool(found.Value, found.File);
            layer.Offer(CloudSettingNames.SkipCertificateCheck, verify ? "false" : "true", found.Describe());
        }

        private static bool ParseBool(string value, string file)
        {
            switch (value.Trim().ToLowerInvariant())
            {
                case "true": case "1": case "yes": case "on": return true;
                case "false": case "0": case "no": case "off": return false;
                default: throw ConfigurationErrors.Invalid(file, $"verify-ssl must be true or false, not '{value}'.");
            }
        }

        private static EucaException NoSuchSection(string kind, string name, string origin, string filesText) =>
            new EucaException(
                kind == "region" ? ErrorIds.CloudRegionNotFound : ErrorIds.CloudUserNotFound,
                EucaErrorCategory.ObjectNotFound,
                $"No [{kind} {name}] section (named by {origin}) exists in the euca2ools configuration; {filesText}.",
                name);

        private sealed class RegionSelection
        {
            public RegionSelection(string? region, string? user, string origin, bool mustExist, bool userGiven)
            {
                Region = region;
                User = user;
                Origin = origin;
                MustExist = mustExist;
                UserGiven = userGiven;
            }

            public string? Region { get; }

            public string? User { get; }

            public string Origin { get; }

            public bool MustExist { get; }

            public bool UserGiven { get; }
        }
    }
}
