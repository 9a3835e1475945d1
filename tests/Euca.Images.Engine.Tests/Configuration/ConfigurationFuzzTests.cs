using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Configuration
{
    /// <summary>Issue 11, class 7: seeded mutation fuzzing of the configuration readers (eucarc, euca2ools ini, credentials zip).</summary>
    public sealed class ConfigurationFuzzTests
    {
        private const string Eucarc = "EUCA_KEY_DIR=$(cd $(dirname ${BASH_SOURCE:-$0}); pwd -P)\n" +
            "export EC2_URL=http://10.1.1.1:8773/services/compute\nexport S3_URL=\"http://10.1.1.1:8773/services/objectstorage\"\n" +
            "export EC2_PRIVATE_KEY=${EUCA_KEY_DIR}/euca2-admin-pk.pem\nexport EC2_CERT=${EUCA_KEY_DIR}/euca2-admin-cert.pem\n" +
            "export EUCALYPTUS_CERT=${EUCA_KEY_DIR}/cloud-cert.pem\nexport EC2_ACCOUNT_NUMBER='123456789012'\n" +
            "export AWS_ACCESS_KEY='AKIEUCARC'\nexport AWS_SECRET_KEY='eucarc/secret+key' # the key\nexport EC2_USER_ID='1234-5678-9012'\n" +
            "alias ec2-bundle-image=\"ec2-bundle-image --cert ${EC2_CERT}\"\n";

        private const string Ini = "[global]\ndefault-region = localhost\n\n[region localhost]\nec2-url = http://127.0.0.1:8773/services/compute/\n" +
            "s3-url = http://127.0.0.1:8773/services/objectstorage/ ; inline\ncertificate = /var/lib/eucalyptus/keys/cloud-cert.pem\nuser = admin\n" +
            "[user admin]\nkey-id: AKIADMIN\nsecret-key = ini-secret-key\naccount-id = 000000000001\ncertificate = certs/admin-cert.pem\n  continued\n" +
            "private-key = ~/keys/admin-pk.pem\n# comment\n[region aws:*]\nec2-url = https://ec2.example.com/\n";

        private static readonly string[] ShellTokens = { "$(", "`", "${", "}", "$", "'", "\"", "\\", "export ", "=", "\n", "#", "${EUCA_KEY_DIR}", "https://u:p@h/", "$AWS_SECRET_KEY" };

        private static readonly string[] IniTokens = { "[", "]", "[region ", "[user ", "=", ":", ";", "#", "\n  ", "\r\n", "use ", "default-region = ", "%(x)s", "\0" };

        private static readonly string[] Refusals =
        {
            "CloudConfigurationInvalid", "CloudUrlInvalid", "AccountIdInvalid", "CloudSettingExposesSecret", "CloudRegionNotFound",
            "CloudUserNotFound", "CredentialsArchiveInvalid", "CredentialsArchiveUnsafe", "EucarcNotFound",
        };

        private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(120);

        [Fact]
        public void TenThousandMutatedEucarcsAreEachReadOrRefusedWithAStableId()
        {
            using var machine = new TestMachine();
            string path = Path.Combine(machine.Work, "eucarc");
            MutationFuzzer.Run("eucarc reader", seed: 20112, new[] { Encoding.UTF8.GetBytes(Eucarc) }, ShellTokens, count: 10_000, input =>
            {
                File.WriteAllBytes(path, input);
                machine.Resolve(new CloudSettingsRequest { EucarcPath = path });
            }, Refusals, maxBytesPerInput: 16L * 1024 * 1024, TimeLimit);
        }

        [Fact]
        public void TenThousandMutatedIniFilesAreEachReadOrRefusedWithAStableId()
        {
            using var machine = new TestMachine();
            string path = machine.Write("etc/euca2ools/euca2ools.ini", Ini);
            MutationFuzzer.Run("euca2ools ini reader", seed: 20113, new[] { Encoding.UTF8.GetBytes(Ini) }, IniTokens, count: 10_000, input =>
            {
                File.WriteAllBytes(path, input);
                machine.Resolve();
            }, Refusals, maxBytesPerInput: 16L * 1024 * 1024, TimeLimit);
        }

        [Fact]
        public void TenThousandMutatedCredentialsZipsAreEachReadOrRefusedAndLeaveNothingBehind()
        {
            using var machine = new TestMachine();
            string path = Path.Combine(machine.Work, "creds.zip");
            byte[] seed = MakeCredentialsZip(Eucarc);
            MutationFuzzer.Run("credentials zip reader", seed: 20114, new[] { seed, MakeCredentialsZip("export EC2_URL=http://h/\n") }, null, count: 10_000, input =>
            {
                File.WriteAllBytes(path, input);
                ExtractedCredentials? extracted = null;
                try
                {
                    extracted = CredentialsZip.Extract(path, machine.Temp);
                    EucarcParser.Parse(extracted.EucarcLines, extracted.Directory, _ => null);
                }
                finally
                {
                    // What a connection's Dispose does; after a refusal nothing may be left at all.
                    if (extracted != null) Directory.Delete(extracted.Directory, recursive: true);
                    Assert.Empty(Directory.GetFileSystemEntries(machine.Temp));
                }
            }, Refusals, maxBytesPerInput: 16L * 1024 * 1024, TimeLimit);
        }

        private static byte[] MakeCredentialsZip(string eucarc)
        {
            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var (name, content) in new[] { ("eucarc", eucarc), ("cloud-cert.pem", "CLOUD"), ("euca2-admin-pk.pem", "KEY"), ("euca2-admin-cert.pem", "CERT"), ("iamrc", "AWSAccessKeyId=AK\n") })
                {
                    using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                    writer.Write(content);
                }
            }
            return buffer.ToArray();
        }
    }
}
