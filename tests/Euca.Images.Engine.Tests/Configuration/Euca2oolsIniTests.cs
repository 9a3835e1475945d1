using System.IO;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Configuration
{
    public class Euca2oolsIniTests
    {
        [Fact]
        public void LaterFilesWinOptionByOptionAndRelativePathsFollowTheirFile()
        {
            using var machine = new TestMachine();
            machine.Write("etc/euca2ools/euca2ools.ini", "[global]\ndefault-region = localhost\n");
            var shipped = machine.Write("etc/euca2ools/conf.d/localhost.ini",
                "[region localhost]\nec2-url = http://127.0.0.1:8773/services/compute/\ns3-url = http://127.0.0.1:8773/services/objectstorage/\ncertificate = /var/lib/eucalyptus/keys/cloud-cert.pem\nuser = admin\n");
            machine.Write("etc/euca2ools/conf.d/zz-override.ini", "[region localhost]\ns3-url = http://10.0.0.9:8773/services/objectstorage/\n");
            var userFile = machine.Write("home/.euca/admin.ini",
                "[user admin]\nkey-id = AKIADMIN\nsecret-key = ini-secret\naccount-id = 000000000001\ncertificate = certs/admin-cert.pem\nprivate-key = ~/keys/admin-pk.pem\n");

            var settings = machine.Resolve();

            Assert.Equal("http://127.0.0.1:8773/services/compute/", settings.ComputeUrl!.ToString());
            Assert.Equal("http://10.0.0.9:8773/services/objectstorage/", settings.ObjectStorageUrl!.ToString());
            Assert.Equal("/var/lib/eucalyptus/keys/cloud-cert.pem", settings.CloudCertificatePath);
            Assert.Equal("AKIADMIN", settings.AccessKey);
            Assert.Equal("ini-secret", settings.SecretKey);
            Assert.Equal(Path.Combine(machine.Home, ".euca", "certs", "admin-cert.pem"), settings.CertificatePath);
            Assert.Equal(Path.Combine(machine.Home, "keys", "admin-pk.pem"), settings.PrivateKeyPath);
            Assert.Equal($"euca2ools.ini [region localhost] ({shipped})", settings.Sources[CloudSettingNames.ComputeUrl]);
            Assert.Equal($"euca2ools.ini [user admin] ({userFile})", settings.Sources[CloudSettingNames.AccessKey]);
            Assert.Equal("eucalyptus", settings.SigningRegion);
        }

        [Fact]
        public void WildcardsGroupPrefixesAndUseReferences()
        {
            using var machine = new TestMachine();
            machine.Write("home/.euca/regions.ini", @"
[region *]
verify-ssl = true

[region aws:*]
certificate = /certs/cert-ec2.pem
s3-url = use aws:us-east-1 ec2-url

[region aws:us-east-1]
ec2-url = https://ec2.us-east-1.amazonaws.com/

[region aws:us-gov-west-1]
ec2-url = https://ec2.us-gov-west-1.amazonaws.com/
certificate = /certs/cert-ec2-gov.pem

[region euca:cloud1]
ec2-url = http://cloud1:8773/services/compute
user = use euca:cloud2

[region euca:cloud2]
user = alice
verify-ssl = false

[user alice]
key-id = AKIALICE
secret-key = alice-secret
");

            // 'us-gov-west-1' finds 'aws:us-gov-west-1' (a unique longer name ending in it).
            var gov = machine.Resolve(new CloudSettingsRequest { Region = "us-gov-west-1" });
            Assert.Equal("/certs/cert-ec2-gov.pem", gov.CloudCertificatePath);
            Assert.False(gov.SkipCertificateCheck);

            // 'aws:*' supplies what 'aws:us-east-1' lacks; 'use SECTION OPTION' redirects.
            var east = machine.Resolve(new CloudSettingsRequest { Region = "aws:us-east-1" });
            Assert.Equal("/certs/cert-ec2.pem", east.CloudCertificatePath);
            Assert.Equal("https://ec2.us-east-1.amazonaws.com/", east.ObjectStorageUrl!.ToString());

            // A region's user comes through 'use'; verify-ssl = false there means skipping the check.
            var cloud1 = machine.Resolve(new CloudSettingsRequest { Region = "euca:cloud1" });
            Assert.Equal("AKIALICE", cloud1.AccessKey);
            Assert.False(cloud1.SkipCertificateCheck); // '*' says verify-ssl = true; cloud1 has no own value
            var cloud2 = machine.Resolve(new CloudSettingsRequest { Region = "euca:cloud2", ComputeUrl = "http://x:8773/" });
            Assert.True(cloud2.SkipCertificateCheck);
        }

        [Fact]
        public void AmbiguousShortNameIsAnError()
        {
            using var machine = new TestMachine();
            machine.Write("home/.euca/a.ini", "[region a:east]\nec2-url = http://a/\n[region b:east]\nec2-url = http://b/\n");

            var error = Assert.Throws<EucaException>(() => machine.Resolve(new CloudSettingsRequest { Region = "east" }));

            Assert.Contains("ambiguous", error.Message);
            Assert.Contains("a:east", error.Message);
            Assert.Contains("b:east", error.Message);
        }

        [Fact]
        public void UserAtRegionOverridesTheRegionsUser()
        {
            using var machine = new TestMachine();
            machine.Write("home/.euca/c.ini", @"
[region cloud]
ec2-url = http://cloud:8773/services/compute
user = admin
[user admin]
key-id = AKIADMIN
secret-key = a
[user bob]
key-id = AKIBOB
secret-key = b
");

            Assert.Equal("AKIADMIN", machine.Resolve(new CloudSettingsRequest { Region = "cloud" }).AccessKey);
            Assert.Equal("AKIBOB", machine.Resolve(new CloudSettingsRequest { Region = "bob@cloud" }).AccessKey);
            Assert.Null(machine.Resolve(new CloudSettingsRequest { Region = "bob@" }).ComputeUrl);
            Assert.Equal("AKIBOB", machine.Resolve(new CloudSettingsRequest { Region = "bob@" }).AccessKey);
        }

        [Fact]
        public void RegionSelectionOrderParameterThenEucaThenAwsThenDefaultRegion()
        {
            using var machine = new TestMachine();
            machine.Write("home/.euca/r.ini", @"
[global]
default-region = d
[region p]
ec2-url = http://p/
[region e]
ec2-url = http://e/
[region a]
ec2-url = http://a/
[region d]
ec2-url = http://d/
");
            Assert.Equal("d", machine.Resolve().ComputeUrl!.Host);
            machine.Variables["AWS_DEFAULT_REGION"] = "a";
            Assert.Equal("a", machine.Resolve().ComputeUrl!.Host);
            machine.Variables["EUCA_DEFAULT_REGION"] = "e";
            Assert.Equal("e", machine.Resolve().ComputeUrl!.Host);
            Assert.Equal("p", machine.Resolve(new CloudSettingsRequest { Region = "p" }).ComputeUrl!.Host);
        }

        [Fact]
        public void EucaConfigPathReplacesTheSearchList()
        {
            using var machine = new TestMachine();
            machine.Write("etc/euca2ools/euca2ools.ini", "[region r]\nec2-url = http://etc/\n");
            machine.Write("custom/one.ini", "[region r]\nec2-url = http://one/\n");
            machine.Write("custom/two.ini", "[region r]\nec2-url = http://two/\n");
            machine.Variables["EUCA_CONFIG_PATH"] = Path.Combine(machine.Root, "custom", "*.ini");

            Assert.Equal("two", machine.Resolve(new CloudSettingsRequest { Region = "r" }).ComputeUrl!.Host);
        }

        [Fact]
        public void RegionNamingNoSectionListsTheFilesSearched()
        {
            using var machine = new TestMachine();
            var file = machine.Write("etc/euca2ools/conf.d/localhost.ini", "[region localhost]\nec2-url = http://127.0.0.1:8773/services/compute\n");

            var error = Assert.Throws<EucaException>(() => machine.Resolve(new CloudSettingsRequest { Region = "nowhere" }));

            Assert.Equal("CloudRegionNotFound", error.ErrorId);
            Assert.Contains("nowhere", error.Message);
            Assert.Contains(file, error.Message);
        }
    }
}
