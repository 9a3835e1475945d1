using System;
using System.Collections.Generic;
using System.Linq;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// What a user may name when choosing settings (-Region, -ProfileName), read from the same files the settings
    /// come from, for tab completion. A broken file is an error here as anywhere; completers say nothing then.
    /// </summary>
    public static class ConfigurationChoices
    {
        /// <summary>
        /// Each USER@REGION the euca2ools configuration defines (every user section with every region section, as
        /// euca2ools accepts any pairing), with the region's compute URL to tell regions apart. Wildcard sections are
        /// defaults for others, not choices.
        /// </summary>
        public static IReadOnlyList<KeyValuePair<string, string>> Regions(ConfigurationEnvironment environment)
        {
            var config = new Euca2oolsConfig(Euca2oolsSource.ConfigFiles(environment));
            List<string> users = config.UserNames.Where(IsConcrete).OrderBy(name => name, StringComparer.Ordinal).ToList();
            return config.RegionNames.Where(IsConcrete).OrderBy(name => name, StringComparer.Ordinal)
                .SelectMany(region => users.Select(user => new KeyValuePair<string, string>(
                    user + "@" + region, $"user {user} in region {region} ({config.RegionOption(region, "ec2-url")?.Value ?? "no ec2-url"})")))
                .ToList();
        }

        /// <summary>
        /// The profiles -ProfileName can name: those the module stores (Set-EucaCredential -StoreAs) and those of the
        /// AWS shared credentials and config files, each name once, so one list completes every name it accepts.
        /// </summary>
        public static IReadOnlyList<string> ProfileNames(ConfigurationEnvironment environment, string? profileLocation = null) =>
            CloudProfileStore.ForUser(environment).List().Select(profile => profile.Name)
                .Concat(AwsProfileSource.ProfileNames(profileLocation, environment))
                .Distinct(StringComparer.Ordinal)
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToList();

        private static bool IsConcrete(string sectionName) => sectionName.IndexOf('*') < 0;
    }
}
