using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// Named connection profiles of the current user (Set-EucaCredential -StoreAs), one JSON file each: every
    /// setting of a connection, and the secret key protected as <see cref="SecretProtection"/> says, or the name of a
    /// SecretManagement secret that holds it. The folder is %LOCALAPPDATA%\Euca.Images\Profiles on Windows, else
    /// $XDG_CONFIG_HOME/euca-images/profiles (default ~/.config/euca-images/profiles).
    /// </summary>
    public sealed class CloudProfileStore
    {
        private static readonly Regex s_name = new Regex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

        // Everything of a connection a profile keeps; the session token is left out because it expires.
        private static readonly string[] s_storedSettings =
        {
            CloudSettingNames.ComputeUrl, CloudSettingNames.ObjectStorageUrl, CloudSettingNames.BootstrapUrl, CloudSettingNames.AccessKey,
            CloudSettingNames.AccountId, CloudSettingNames.CertificatePath, CloudSettingNames.PrivateKeyPath, CloudSettingNames.CloudCertificatePath,
            CloudSettingNames.SigningRegion, CloudSettingNames.SkipCertificateCheck, CloudSettingNames.CertificateAuthorityPath,
        };

        public CloudProfileStore(string directory)
        {
            Directory = directory ?? throw new ArgumentNullException(nameof(directory));
        }

        public string Directory { get; }

        /// <summary>The current user's store.</summary>
        public static CloudProfileStore ForUser(ConfigurationEnvironment environment)
        {
            if (environment == null) throw new ArgumentNullException(nameof(environment));
            if (SecretProtection.IsWindows)
            {
                string local = environment.Get("LOCALAPPDATA") ?? Path.Combine(environment.HomeDirectory, "AppData", "Local");
                return new CloudProfileStore(Path.Combine(local, "Euca.Images", "Profiles"));
            }

            string config = environment.Get("XDG_CONFIG_HOME") ?? Path.Combine(environment.HomeDirectory, ".config");
            return new CloudProfileStore(Path.Combine(config, "euca-images", "profiles"));
        }

        /// <summary>
        /// Saves <paramref name="settings"/> under <paramref name="name"/>, replacing a profile of that name. With
        /// <paramref name="secretName"/> the secret key is not stored: it is read from that SecretManagement secret
        /// (in <paramref name="secretVault"/>, else the default vault) at connect time.
        /// </summary>
        public CloudProfile Save(string name, CloudSettings settings, string? secretName = null, string? secretVault = null)
        {
            if (settings == null) throw new ArgumentNullException(nameof(settings));
            CheckName(name);
            settings.Require(CloudSettingNames.AccessKey);
            if (secretName == null)
            {
                settings.Require(CloudSettingNames.SecretKey);
            }

            var values = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (string setting in s_storedSettings)
            {
                string? value = ValueOf(settings, setting);
                if (value != null)
                {
                    values[setting] = value;
                }
            }

            var document = new ProfileDocument
            {
                Settings = values,
                Protection = secretName == null ? SecretProtection.Current : null,
                SecretKey = secretName == null ? SecretProtection.Protect(settings.SecretKey!) : null,
                SecretName = secretName,
                SecretVault = secretVault,
            };
            System.IO.Directory.CreateDirectory(Directory);
            SecretProtection.RestrictDirectory(Directory);
            string file = FileOf(name);
            string temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
            // The file is made owner-only while still empty, so the secret is never readable by others, even briefly.
            File.WriteAllText(temporary, string.Empty);
            SecretProtection.RestrictFile(temporary);
            File.WriteAllText(temporary, JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
            if (File.Exists(file))
            {
                File.Delete(file);
            }

            File.Move(temporary, file);
            return ToProfile(name, file, document);
        }

        /// <summary>The profile, or null when there is none of that name.</summary>
        public CloudProfile? Find(string name)
        {
            CheckName(name);
            string file = FileOf(name);
            return File.Exists(file) ? ToProfile(name, file, Read(file)) : null;
        }

        /// <summary>
        /// The profile, or null when there is none of that name or the name cannot be a stored profile's (then it may
        /// still name an AWS profile, whose names are freer).
        /// </summary>
        public CloudProfile? TryFind(string? name) => name != null && s_name.IsMatch(name) ? Find(name) : null;

        /// <summary>Every stored profile, by name.</summary>
        public IReadOnlyList<CloudProfile> List() =>
            !System.IO.Directory.Exists(Directory)
                ? Array.Empty<CloudProfile>()
                : System.IO.Directory.EnumerateFiles(Directory, "*.json")
                    .Select(file => Path.GetFileNameWithoutExtension(file))
                    .Where(name => s_name.IsMatch(name))
                    .OrderBy(name => name, StringComparer.OrdinalIgnoreCase)
                    .Select(name => Find(name)!)
                    .ToList();

        /// <summary>Deletes the profile; false when there was none.</summary>
        public bool Remove(string name)
        {
            CheckName(name);
            string file = FileOf(name);
            if (!File.Exists(file))
            {
                return false;
            }

            File.Delete(file);
            return true;
        }

        /// <summary>The stored secret key in clear, refusing a clear-text file others can read; null when a vault holds it.</summary>
        internal string? ReadSecretKey(CloudProfile profile)
        {
            ProfileDocument document = Read(profile.Location);
            if (document.SecretKey == null)
            {
                return null;
            }

            if (document.Protection != SecretProtection.Dpapi)
            {
                SecretProtection.RequireOwnerOnly(profile.Location);
            }

            return SecretProtection.Unprotect(document.SecretKey, document.Protection ?? SecretProtection.OwnerOnlyFile, profile.Location);
        }

        private string FileOf(string name) => Path.Combine(Directory, name + ".json");

        private static void CheckName(string? name)
        {
            if (name == null || !s_name.IsMatch(name))
            {
                throw new EucaException(ErrorIds.CloudProfileNameInvalid, EucaErrorCategory.InvalidArgument,
                    $"'{name}' is not a profile name: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.", name);
            }
        }

        private static ProfileDocument Read(string file)
        {
            try
            {
                return JsonSerializer.Deserialize<ProfileDocument>(File.ReadAllText(file)) ?? throw new JsonException("empty document");
            }
            catch (JsonException e)
            {
                throw new EucaException(ErrorIds.CloudConfigurationInvalid, EucaErrorCategory.InvalidData,
                    $"The stored profile '{file}' is not a profile file ({e.Message}). Save the profile again.", file, e);
            }
        }

        private static CloudProfile ToProfile(string name, string file, ProfileDocument document)
        {
            string storage = document.SecretName != null
                ? $"SecretManagement secret '{document.SecretName}'" + (document.SecretVault == null ? " (default vault)" : $" in vault '{document.SecretVault}'")
                : SecretProtection.Describe(document.Protection ?? SecretProtection.OwnerOnlyFile, file);
            return new CloudProfile(name, file, new Dictionary<string, string>(document.Settings, StringComparer.Ordinal), storage, document.SecretName, document.SecretVault);
        }

        private static string? ValueOf(CloudSettings settings, string setting)
        {
            switch (setting)
            {
                case CloudSettingNames.ComputeUrl: return settings.ComputeUrl?.ToString();
                case CloudSettingNames.ObjectStorageUrl: return settings.ObjectStorageUrl?.ToString();
                case CloudSettingNames.BootstrapUrl: return settings.BootstrapUrl?.ToString();
                case CloudSettingNames.AccessKey: return settings.AccessKey;
                case CloudSettingNames.AccountId: return settings.AccountId;
                case CloudSettingNames.CertificatePath: return settings.CertificatePath;
                case CloudSettingNames.PrivateKeyPath: return settings.PrivateKeyPath;
                case CloudSettingNames.CloudCertificatePath: return settings.CloudCertificatePath;
                case CloudSettingNames.SigningRegion: return settings.SigningRegion;
                case CloudSettingNames.SkipCertificateCheck: return settings.SkipCertificateCheck ? "true" : null;
                default: return settings.CertificateAuthorityPath;
            }
        }

        /// <summary>The file's JSON shape.</summary>
        internal sealed class ProfileDocument
        {
            public IDictionary<string, string> Settings { get; set; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

            /// <summary>dpapi or owner-only-file (<see cref="Configuration.SecretProtection"/>); null when a vault holds the key.</summary>
            public string? Protection { get; set; }

            public string? SecretKey { get; set; }

            public string? SecretName { get; set; }

            public string? SecretVault { get; set; }
        }
    }
}
