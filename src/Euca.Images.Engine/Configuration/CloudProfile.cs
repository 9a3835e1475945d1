using System.Collections.Generic;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// A stored connection profile as Get-EucaCredential lists it: its settings (never the secret key), the file
    /// that holds them and where the secret key lives.
    /// </summary>
    public sealed class CloudProfile
    {
        internal CloudProfile(string name, string location, IReadOnlyDictionary<string, string> settings, string secretStorage,
            string? secretName, string? secretVault)
        {
            Name = name;
            Location = location;
            Settings = settings;
            SecretStorage = secretStorage;
            SecretName = secretName;
            SecretVault = secretVault;
        }

        public string Name { get; }

        /// <summary>The profile file, which holds every setting (and the protected secret key unless a vault does).</summary>
        public string Location { get; }

        /// <summary>The stored settings by <see cref="CloudSettingNames"/> name; the secret key is never among them.</summary>
        public IReadOnlyDictionary<string, string> Settings { get; }

        /// <summary>Where the secret key lives and how it is protected, in words.</summary>
        public string SecretStorage { get; }

        /// <summary>The SecretManagement secret holding the secret key, when a vault holds it.</summary>
        public string? SecretName { get; }

        /// <summary>The SecretManagement vault of <see cref="SecretName"/>; null means the default vault.</summary>
        public string? SecretVault { get; }

        public string? ComputeUrl => Get(CloudSettingNames.ComputeUrl);

        public string? ObjectStorageUrl => Get(CloudSettingNames.ObjectStorageUrl);

        public string? AccessKey => Get(CloudSettingNames.AccessKey);

        public string? AccountId => Get(CloudSettingNames.AccountId);

        public override string ToString() => Name;

        private string? Get(string setting) => Settings.TryGetValue(setting, out string? value) ? value : null;
    }
}
