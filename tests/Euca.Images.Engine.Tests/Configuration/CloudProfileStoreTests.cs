using System;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Configuration
{
    /// <summary>
    /// Stored connection profiles: what is kept, where, how the secret key is protected on this platform (the machine
    /// running the tests is Linux: an owner-only file), and how a profile takes part in resolving settings.
    /// </summary>
    public sealed class CloudProfileStoreTests
    {
        private const string Secret = "stored-secret-9f8e7d6c";

        private static CloudSettings Complete(TestMachine machine, string accessKey = "AKIPROFILE") => machine.Resolve(new CloudSettingsRequest
        {
            ComputeUrl = "https://clc.example.com:8773/services/compute",
            AccessKey = accessKey,
            SecretKey = Secret,
            AccountId = "1234-5678-9012",
            CertificatePath = "certs/cert.pem",
            PrivateKeyPath = "certs/pk.pem",
            CloudCertificatePath = "certs/cloud-cert.pem",
            CertificateAuthorityPath = "certs/ca.pem",
            SigningRegion = "lab",
        });

        private static CloudProfileStore StoreOf(TestMachine machine) => CloudProfileStore.ForUser(machine.Environment);

        [Fact]
        public void AProfileKeepsTheWholeConnectionAndConnectsWithItsSources()
        {
            using var machine = new TestMachine();
            CloudSettings saved = Complete(machine);
            StoreOf(machine).Save("nightly", saved);

            CloudSettings resolved = machine.Resolve(new CloudSettingsRequest { ProfileName = "nightly" });

            Assert.Equal(saved.ToString(), resolved.ToString());
            Assert.Equal(Secret, resolved.SecretKey);
            Assert.Equal((saved.CertificatePath, saved.PrivateKeyPath, saved.CloudCertificatePath, saved.CertificateAuthorityPath),
                (resolved.CertificatePath, resolved.PrivateKeyPath, resolved.CloudCertificatePath, resolved.CertificateAuthorityPath));
            Assert.Equal("https://clc.example.com:8773/services/objectstorage", resolved.ObjectStorageUrl!.ToString());
            string file = Path.Combine(machine.Home, ".config", "euca-images", "profiles", "nightly.json");
            Assert.Equal($"stored profile 'nightly' ({file})", resolved.Sources[CloudSettingNames.ComputeUrl]);
            Assert.Equal($"stored profile 'nightly' (file readable by its owner only, mode 0600 ({file}))", resolved.Sources[CloudSettingNames.SecretKey]);
        }

        [Fact]
        public void ParametersBeatTheStoredProfile()
        {
            using var machine = new TestMachine();
            StoreOf(machine).Save("nightly", Complete(machine));

            CloudSettings resolved = machine.Resolve(new CloudSettingsRequest { ProfileName = "nightly", AccessKey = "AKIOVERRIDE" });

            Assert.Equal("AKIOVERRIDE", resolved.AccessKey);
            Assert.Equal("parameter -AccessKey", resolved.Sources[CloudSettingNames.AccessKey]);
        }

        [Fact]
        public void TheFolderIsXdgConfigHomeWhenSet()
        {
            using var machine = new TestMachine();
            machine.Variables["XDG_CONFIG_HOME"] = Path.Combine(machine.Root, "xdg");

            CloudProfile profile = StoreOf(machine).Save("nightly", Complete(machine));

            Assert.Equal(Path.Combine(machine.Root, "xdg", "euca-images", "profiles", "nightly.json"), profile.Location);
        }

        [Fact]
        [UnsupportedOSPlatform("windows")] // Owner-only file modes are how the secret is kept off Windows.
        public void TheProfileFileAndFolderAreTheOwnersAlone()
        {
            using var machine = new TestMachine();
            CloudProfile profile = StoreOf(machine).Save("nightly", Complete(machine));

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(profile.Location));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(profile.Location)!));
            Assert.StartsWith("file readable by its owner only, mode 0600", profile.SecretStorage);
        }

        [Fact]
        [UnsupportedOSPlatform("windows")] // Owner-only file modes are how the secret is kept off Windows.
        public void AProfileFileOthersCanReadIsRefused()
        {
            using var machine = new TestMachine();
            CloudProfile profile = StoreOf(machine).Save("nightly", Complete(machine));
            File.SetUnixFileMode(profile.Location, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

            var error = Assert.Throws<EucaException>(() => machine.Resolve(new CloudSettingsRequest { ProfileName = "nightly" }));

            Assert.Equal((ErrorIds.CloudProfileUnprotected.Name, EucaErrorCategory.PermissionDenied, (object?)profile.Location), (error.ErrorId, error.Category, error.Target));
            Assert.Contains("mode 644", error.Message);
            Assert.Contains("chmod 600", error.Message);
            Assert.DoesNotContain(Secret, error.Message);
        }

        [Fact]
        public void ListingShowsWhereEachProfileAndItsSecretLiveAndNeverTheSecret()
        {
            using var machine = new TestMachine();
            CloudProfileStore store = StoreOf(machine);
            store.Save("b-vault", Complete(machine, "AKIVAULT"), secretName: "euca-nightly", secretVault: "LocalStore");
            store.Save("a-file", Complete(machine));

            var profiles = store.List();

            Assert.Equal(new[] { "a-file", "b-vault" }, profiles.Select(p => p.Name));
            Assert.Equal("SecretManagement secret 'euca-nightly' in vault 'LocalStore'", profiles[1].SecretStorage);
            Assert.Equal(("AKIVAULT", "123456789012"), (profiles[1].AccessKey, profiles[1].AccountId));
            Assert.DoesNotContain(CloudSettingNames.SecretKey, profiles[0].Settings.Keys);
            Assert.DoesNotContain(Secret, File.ReadAllText(profiles[1].Location));
        }

        [Fact]
        public void AVaultProfileTakesTheSecretTheCallerReadFromTheVault()
        {
            using var machine = new TestMachine();
            StoreOf(machine).Save("vaulted", Complete(machine), secretName: "euca-nightly");

            CloudSettings resolved = machine.Resolve(new CloudSettingsRequest
            {
                ProfileName = "vaulted",
                ProfileSecretKey = "from-the-vault",
                SecretKeySource = "SecretManagement secret 'euca-nightly'",
            });

            Assert.Equal("from-the-vault", resolved.SecretKey);
            Assert.Equal("SecretManagement secret 'euca-nightly'", resolved.Sources[CloudSettingNames.SecretKey]);
        }

        [Fact]
        public void RemovingAProfileDeletesItsFile()
        {
            using var machine = new TestMachine();
            CloudProfileStore store = StoreOf(machine);
            CloudProfile profile = store.Save("nightly", Complete(machine));

            Assert.True(store.Remove("nightly"));

            Assert.False(File.Exists(profile.Location));
            Assert.Null(store.Find("nightly"));
            Assert.False(store.Remove("nightly"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("../escape")]
        [InlineData("-starts-with-dash")]
        [InlineData("has space")]
        public void ANameThatIsNotAPlainFileNameIsRefused(string name)
        {
            using var machine = new TestMachine();

            var error = Assert.Throws<EucaException>(() => StoreOf(machine).Save(name, Complete(machine)));

            Assert.Equal(ErrorIds.CloudProfileNameInvalid.Name, error.ErrorId);
        }

        [Fact]
        public void AProfileWithoutASecretKeyOrVaultIsNotSaved()
        {
            using var machine = new TestMachine();
            CloudSettings noSecret = machine.Resolve(new CloudSettingsRequest { ComputeUrl = "https://clc.example.com:8773/services/compute", AccessKey = "AKI" });

            var error = Assert.Throws<EucaException>(() => StoreOf(machine).Save("nightly", noSecret));

            Assert.Equal(ErrorIds.CloudConfigurationIncomplete.Name, error.ErrorId);
            Assert.Empty(StoreOf(machine).List());
        }
    }
}
