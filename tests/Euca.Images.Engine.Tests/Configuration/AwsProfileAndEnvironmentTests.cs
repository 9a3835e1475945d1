using System.IO;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Configuration
{
    public class AwsProfileAndEnvironmentTests
    {
        [Fact]
        public void NamedProfileReadsKeysAndServiceEndpoints()
        {
            using var machine = new TestMachine();
            var credentials = machine.Write("home/.aws/credentials",
                "[default]\naws_access_key_id = AKIDEFAULT\naws_secret_access_key = d\n\n[euca]\naws_access_key_id = AKIEUCA\naws_secret_access_key = profile-secret\naws_session_token = profile-token\n");
            machine.Write("home/.aws/config",
                "[profile euca]\nendpoint_url = http://global:8773/\nservices = euca-services\n\n[services euca-services]\nec2 =\n  endpoint_url = http://cloud:8773/services/compute\n");

            var settings = machine.Resolve(new CloudSettingsRequest { ProfileName = "euca" });

            Assert.Equal("AKIEUCA", settings.AccessKey);
            Assert.Equal("profile-secret", settings.SecretKey);
            Assert.Equal("profile-token", settings.SessionToken);
            Assert.Equal("http://cloud:8773/services/compute", settings.ComputeUrl!.ToString());
            Assert.Equal("http://global:8773/", settings.ObjectStorageUrl!.ToString());
            Assert.Equal($"AWS profile 'euca' ({credentials})", settings.Sources[CloudSettingNames.AccessKey]);

            Assert.Equal("AKIDEFAULT", machine.Resolve().AccessKey);
        }

        [Fact]
        public void ProfileLocationAndEnvironmentFileAreHonoured()
        {
            using var machine = new TestMachine();
            var custom = machine.Write("elsewhere/creds", "[p]\naws_access_key_id = AKICUSTOM\naws_secret_access_key = s\n");
            Assert.Equal("AKICUSTOM", machine.Resolve(new CloudSettingsRequest { ProfileName = "p", ProfileLocation = custom }).AccessKey);

            machine.Variables["AWS_SHARED_CREDENTIALS_FILE"] = custom;
            machine.Variables["AWS_PROFILE"] = "p";
            Assert.Equal("AKICUSTOM", machine.Resolve().AccessKey);
        }

        [Fact]
        public void MissingNamedProfileIsAnErrorNotAFallBack()
        {
            using var machine = new TestMachine();
            machine.Write("home/.aws/credentials", "[default]\naws_access_key_id = AKIDEFAULT\naws_secret_access_key = d\n");

            var error = Assert.Throws<EucaException>(() => machine.Resolve(new CloudSettingsRequest { ProfileName = "nosuch" }));

            Assert.Equal("AwsProfileNotFound", error.ErrorId);
            Assert.Contains("nosuch", error.Message);
            Assert.Contains(Path.Combine(machine.Home, ".aws", "credentials"), error.Message);
        }

        [Theory]
        [InlineData("AWS_ACCESS_KEY_ID", "AWS_ACCESS_KEY", "EC2_ACCESS_KEY")]
        [InlineData("AWS_ACCESS_KEY", "EC2_ACCESS_KEY", null)]
        [InlineData("EC2_ACCESS_KEY", null, null)]
        public void EnvironmentAccessKeyAliasesInPriorityOrder(string winner, string? second, string? third)
        {
            using var machine = new TestMachine();
            machine.Variables[winner] = "FROM-" + winner;
            if (second != null)
            {
                machine.Variables[second] = "FROM-" + second;
            }

            if (third != null)
            {
                machine.Variables[third] = "FROM-" + third;
            }

            var settings = machine.Resolve();

            Assert.Equal("FROM-" + winner, settings.AccessKey);
            Assert.Equal("environment " + winner, settings.Sources[CloudSettingNames.AccessKey]);
        }

        [Fact]
        public void EnvironmentAliasesForSecretsCertificatesAndUrls()
        {
            using var machine = new TestMachine();
            machine.Variables["AWS_SECRET_KEY"] = "second";
            machine.Variables["EC2_SECRET_KEY"] = "third";
            machine.Variables["EUCA_CERT"] = "relative/cert.pem";
            machine.Variables["EUCA_PRIVATE_KEY"] = "/k/euca-pk.pem";
            machine.Variables["EC2_PRIVATE_KEY"] = "/k/ec2-pk.pem";
            machine.Variables["EC2_URL"] = "myregion::http://cloud:8773/services/compute";
            machine.Variables["AWS_SECURITY_TOKEN"] = "token";

            var settings = machine.Resolve();

            Assert.Equal("second", settings.SecretKey);
            Assert.Equal(Path.Combine(machine.Work, "relative", "cert.pem"), settings.CertificatePath);
            Assert.Equal("/k/ec2-pk.pem", settings.PrivateKeyPath); // the intended order, not euca2ools' if/elif slip
            Assert.Equal("http://cloud:8773/services/compute", settings.ComputeUrl!.ToString());
            Assert.Equal("token", settings.SessionToken);
        }
    }
}
