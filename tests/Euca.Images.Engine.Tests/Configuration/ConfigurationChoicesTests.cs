using System.Linq;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Configuration
{
    public class ConfigurationChoicesTests
    {
        [Fact]
        public void RegionsPairEveryUserWithEveryRegionOfAllFilesAndSkipWildcardSections()
        {
            using var machine = new TestMachine();
            machine.Write("etc/euca2ools/euca2ools.ini", "[region localhost]\nec2-url = http://127.0.0.1:8773/\n[region *]\nuser = admin\n[user admin]\nkey-id = A\n");
            machine.Write("home/.euca/staging.ini", "[region staging]\nec2-url = https://staging.example.com/\n[user dev]\nkey-id = B\n");

            var regions = ConfigurationChoices.Regions(machine.Environment);

            Assert.Equal(new[] { "admin@localhost", "dev@localhost", "admin@staging", "dev@staging" }, regions.Select(r => r.Key));
            Assert.Contains("https://staging.example.com/", regions.Single(r => r.Key == "dev@staging").Value);
        }

        [Fact]
        public void NoConfigurationMeansNoRegions()
        {
            using var machine = new TestMachine();

            Assert.Empty(ConfigurationChoices.Regions(machine.Environment));
        }

        [Fact]
        public void ProfileNamesComeFromTheCredentialsAndConfigFilesOnceEach()
        {
            using var machine = new TestMachine();
            machine.Write("home/.aws/credentials", "[default]\naws_access_key_id = A\n[eucalyptus]\naws_access_key_id = B\n");
            machine.Write("home/.aws/config", "[default]\nregion = r\n[profile eucalyptus]\nregion = r\n[profile staging]\nregion = r\n[services s]\nec2 =\n");

            Assert.Equal(new[] { "default", "eucalyptus", "staging" }, ConfigurationChoices.ProfileNames(machine.Environment));
        }

        [Fact]
        public void ProfileNamesIncludeStoredProfilesOnceEach()
        {
            using var machine = new TestMachine();
            machine.Write("home/.aws/credentials", "[nightly]\naws_access_key_id = A\n[ops]\naws_access_key_id = B\n");
            CloudSettings settings = machine.Resolve(new CloudSettingsRequest { ComputeUrl = "https://clc.example.com:8773/services/compute", AccessKey = "AK", SecretKey = "stored-secret" });
            CloudProfileStore.ForUser(machine.Environment).Save("nightly", settings);
            CloudProfileStore.ForUser(machine.Environment).Save("lab", settings);

            Assert.Equal(new[] { "lab", "nightly", "ops" }, ConfigurationChoices.ProfileNames(machine.Environment));
        }

        [Fact]
        public void ProfileNamesFollowAProfileLocation()
        {
            using var machine = new TestMachine();
            string elsewhere = machine.Write("work/creds", "[ops]\naws_access_key_id = A\n");

            Assert.Equal(new[] { "ops" }, ConfigurationChoices.ProfileNames(machine.Environment, elsewhere));
        }
    }
}
