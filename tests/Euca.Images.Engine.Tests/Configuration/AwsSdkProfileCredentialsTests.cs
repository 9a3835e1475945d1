using System.IO;
using System.Runtime.Versioning;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Configuration
{
    /// <summary>
    /// Profiles whose keys the files do not hold as plain values come from AWSSDK.Core's profile chain, as AWS.Tools
    /// gets them: here a credential_process (the SDK's encrypted store exists only on Windows).
    /// </summary>
    [UnsupportedOSPlatform("windows")] // The credential processes are shell scripts.
    public class AwsSdkProfileCredentialsTests
    {
        private static string ProcessPrinting(TestMachine machine, string name, string output, int exitCode = 0)
        {
            string script = machine.Write(name, $"#!/bin/sh\ncat <<'JSON'\n{output}\nJSON\nexit {exitCode}\n");
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return script;
        }

        [Fact]
        public void ACredentialProcessProfileGivesTheKeysItPrints()
        {
            using var machine = new TestMachine();
            string process = ProcessPrinting(machine, "bin/creds",
                "{\"Version\": 1, \"AccessKeyId\": \"AKIPROCESS\", \"SecretAccessKey\": \"process-secret\", \"SessionToken\": \"process-token\"}");
            machine.Write("home/.aws/credentials", "[other]\naws_access_key_id = AKIOTHER\naws_secret_access_key = o\n");
            machine.Write("home/.aws/config", $"[profile nightly]\ncredential_process = {process}\nendpoint_url = http://cloud:8773/services/compute\n");

            var settings = machine.Resolve(new CloudSettingsRequest { ProfileName = "nightly" });

            Assert.Equal(("AKIPROCESS", "process-secret", "process-token"), (settings.AccessKey, settings.SecretKey, settings.SessionToken));
            Assert.Equal("AWS profile 'nightly' (AWS SDK credentials)", settings.Sources[CloudSettingNames.AccessKey]);
            Assert.Equal("http://cloud:8773/services/compute", settings.ComputeUrl!.ToString());
        }

        [Fact]
        public void PlainKeysInTheFilesNeverRunTheProcess()
        {
            using var machine = new TestMachine();
            string process = ProcessPrinting(machine, "bin/creds", "not json", exitCode: 1);
            machine.Write("home/.aws/credentials", "[nightly]\naws_access_key_id = AKIPLAIN\naws_secret_access_key = plain\n");
            machine.Write("home/.aws/config", $"[profile nightly]\ncredential_process = {process}\n");

            Assert.Equal("AKIPLAIN", machine.Resolve(new CloudSettingsRequest { ProfileName = "nightly" }).AccessKey);
        }

        [Fact]
        public void TheProcessDoesNotRunWhenParametersGiveTheKeys()
        {
            using var machine = new TestMachine();
            string process = ProcessPrinting(machine, "bin/creds", "not json", exitCode: 3);
            machine.Write("home/.aws/credentials", string.Empty);
            machine.Write("home/.aws/config", $"[profile broken]\ncredential_process = {process}\n");

            var settings = machine.Resolve(new CloudSettingsRequest { ProfileName = "broken", AccessKey = "AKIPARAMETER", SecretKey = "parameter-secret" });

            Assert.Equal("AKIPARAMETER", settings.AccessKey);
        }

        [Fact]
        public void AFailingCredentialProcessIsAStableErrorNamingTheProfile()
        {
            using var machine = new TestMachine();
            string process = ProcessPrinting(machine, "bin/creds", "not json", exitCode: 3);
            machine.Write("home/.aws/credentials", string.Empty);
            machine.Write("home/.aws/config", $"[profile broken]\ncredential_process = {process}\n");

            var error = Assert.Throws<EucaException>(() => machine.Resolve(new CloudSettingsRequest { ProfileName = "broken" }));

            Assert.Equal((ErrorIds.AwsProfileCredentialsFailed.Name, (object?)"broken"), (error.ErrorId, error.Target));
        }
    }
}
