using System.Linq;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Configuration
{
    public class PrecedenceAndValidationTests
    {
        /// <summary>
        /// Five sources, each holding a different subset, so that every setting's winner differs:
        /// parameter > euca2ools.ini > eucarc > AWS profile > environment, decided per setting.
        /// </summary>
        [Fact]
        public void EachSettingTakesTheHighestSourceThatHasIt()
        {
            using var machine = new TestMachine();
            machine.Write("home/.euca/c.ini",
                "[region r]\nec2-url = http://ini:8773/services/compute\nuser = u\n[user u]\nkey-id = AKIINI\naccount-id = 111111111111\n");
            var eucarc = machine.Write("rc/eucarc",
                "export EC2_URL=http://rc/\nexport S3_URL=http://rc-s3/\nexport EC2_ACCESS_KEY=AKIRC\nexport EC2_SECRET_KEY=rc-secret\nexport EC2_USER_ID=222222222222\nexport EUCALYPTUS_CERT=/rc/cloud.pem\n");
            machine.Write("home/.aws/credentials", "[p]\naws_access_key_id = AKIPROFILE\naws_secret_access_key = profile-secret\naws_session_token = profile-token\n");
            machine.Variables["EC2_URL"] = "http://env/";
            machine.Variables["AWS_SECRET_ACCESS_KEY"] = "env-secret";
            machine.Variables["AWS_SESSION_TOKEN"] = "env-token";
            machine.Variables["EC2_CERT"] = "/env/cert.pem";
            machine.Variables["EC2_USER_ID"] = "333333333333";

            var settings = machine.Resolve(new CloudSettingsRequest
            {
                Region = "r",
                EucarcPath = eucarc,
                ProfileName = "p",
                AccountId = "4444-5555-6666",
            });

            Assert.Equal("444455556666", settings.AccountId);                                   // parameter
            Assert.Equal("parameter -AccountId", settings.Sources[CloudSettingNames.AccountId]);
            Assert.Equal("ini", settings.ComputeUrl!.Host);                                     // ini beats eucarc and env
            Assert.Equal("AKIINI", settings.AccessKey);                                         // ini beats eucarc
            Assert.Equal("rc-secret", settings.SecretKey);                                      // eucarc beats profile and env
            Assert.Equal("rc-s3", settings.ObjectStorageUrl!.Host);                             // eucarc beats derivation
            Assert.Equal("/rc/cloud.pem", settings.CloudCertificatePath);
            Assert.Equal("profile-token", settings.SessionToken);                               // profile beats env
            Assert.Equal("/env/cert.pem", settings.CertificatePath);                            // only env has it
            Assert.StartsWith("eucarc (", settings.Sources[CloudSettingNames.SecretKey]);
            Assert.Equal("environment EC2_CERT", settings.Sources[CloudSettingNames.CertificatePath]);
            Assert.Equal("http://ini:8773/services/Empyrean", settings.BootstrapUrl!.ToString().TrimEnd('/'));
            Assert.StartsWith("derived from ComputeUrl", settings.Sources[CloudSettingNames.BootstrapUrl]);
        }

        [Fact]
        public void ObjectStorageUrlIsDerivedOnlyFromAPathStyleComputeUrl()
        {
            using var machine = new TestMachine();
            var pathStyle = machine.Resolve(new CloudSettingsRequest { ComputeUrl = "https://clc.example:8773/services/compute/" });
            Assert.Equal("https://clc.example:8773/services/objectstorage", pathStyle.ObjectStorageUrl!.ToString());

            var dnsStyle = machine.Resolve(new CloudSettingsRequest { ComputeUrl = "https://ec2.cloud.example:8773/" });
            Assert.Null(dnsStyle.ObjectStorageUrl);
            Assert.Null(dnsStyle.BootstrapUrl);
        }

        [Fact]
        public void SecretsNeverAppearInToStringSourcesOrMessages()
        {
            using var machine = new TestMachine();
            const string secret = "TOP-SECRET-KEY-VALUE";
            const string token = "TOP-SECRET-TOKEN-VALUE";
            machine.Variables["AWS_SECRET_ACCESS_KEY"] = secret;
            machine.Variables["AWS_SESSION_TOKEN"] = token;
            machine.Variables["AWS_ACCESS_KEY_ID"] = "AKIVISIBLE";

            var settings = machine.Resolve();
            var text = settings.ToString();

            Assert.Contains("AKIVISIBLE", text);
            Assert.Contains("****", text);
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(token, text);
            Assert.DoesNotContain(settings.Sources.Values, v => v.Contains(secret) || v.Contains(token));

            var incomplete = Assert.Throws<EucaException>(() => settings.Validate());
            Assert.DoesNotContain(secret, incomplete.Message);
            Assert.DoesNotContain(token, incomplete.Message);

            var badUrl = Assert.Throws<EucaException>(() => machine.Resolve(new CloudSettingsRequest { ComputeUrl = "not a url" }));
            Assert.Equal("CloudUrlInvalid", badUrl.ErrorId);
            Assert.DoesNotContain(secret, badUrl.Message);
        }

        [Fact]
        public void IncompleteConfigurationNamesEachMissingSettingAndWhereItWasLooked()
        {
            using var machine = new TestMachine();
            var iniFile = machine.Write("etc/euca2ools/conf.d/localhost.ini", "[region localhost]\ns3-url = http://x/\n");
            var eucarc = machine.Write("rc/eucarc", "export S3_URL=http://y/\n");
            machine.Variables["AWS_SECRET_ACCESS_KEY"] = "present";

            var settings = machine.Resolve(new CloudSettingsRequest { Region = "localhost", EucarcPath = eucarc });
            var error = Assert.Throws<EucaException>(() => settings.Validate());

            Assert.Equal("CloudConfigurationIncomplete", error.ErrorId);
            Assert.Equal(EucaErrorCategory.InvalidArgument, error.Category);
            Assert.Contains("ComputeUrl is not set", error.Message);
            Assert.Contains("AccessKey is not set", error.Message);
            Assert.DoesNotContain("SecretKey is not set", error.Message);
            Assert.Contains("parameter -ComputeUrl", error.Message);
            Assert.Contains("[region localhost] 'ec2-url'", error.Message);
            Assert.Contains(iniFile, error.Message);
            Assert.Contains($"eucarc ({eucarc}) EC2_URL", error.Message);
            Assert.Contains("AWS profile 'default'", error.Message);
            Assert.Contains("environment EC2_URL", error.Message);
            Assert.Contains("environment AWS_ACCESS_KEY_ID, AWS_ACCESS_KEY, EC2_ACCESS_KEY", error.Message);
            Assert.Contains("no user selected", error.Message);
        }

        [Fact]
        public void InvalidAccountIdIsRejected()
        {
            using var machine = new TestMachine();
            var error = Assert.Throws<EucaException>(() => machine.Resolve(new CloudSettingsRequest { AccountId = "12345" }));
            Assert.Equal("AccountIdInvalid", error.ErrorId);
            Assert.Equal(CloudSettingNames.All.Count, CloudSettingNames.All.Distinct().Count());
        }
    }
}
