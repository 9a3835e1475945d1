using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Configuration
{
    /// <summary>Issue 11, class 5: a password in a URL, or the secret key expanded into another setting, is refused and never shown.</summary>
    public sealed class SecretsInSettingsTests
    {
        private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCY";

        [Theory]
        [InlineData("https://admin:hunter2-password@clc.example.com:8773/services/compute", "hunter2-password")]
        [InlineData("https://hunter2-password@clc.example.com/services/compute", "hunter2-password")]
        public void AUrlWithAPasswordIsRefusedWithThePasswordRedacted(string url, string password)
        {
            using var machine = new TestMachine();
            var error = Assert.Throws<EucaException>(() => machine.Resolve(new CloudSettingsRequest { ComputeUrl = url, AccessKey = "AK", SecretKey = Secret }));

            Assert.Equal("CloudSettingExposesSecret", error.ErrorId);
            Assert.DoesNotContain(password, error.Message);
            Assert.DoesNotContain(password, error.Target?.ToString());
            Assert.Contains("https://***@clc.example.com", error.Message);
        }

        [Fact]
        public void AnInvalidUrlIsShownWithoutItsUserInformation()
        {
            using var machine = new TestMachine();
            var error = Assert.Throws<EucaException>(() => machine.Resolve(new CloudSettingsRequest { ComputeUrl = "ftp://user:hunter2-password@host/", AccessKey = "AK", SecretKey = Secret }));
            Assert.DoesNotContain("hunter2-password", error.Message);
        }

        [Theory]
        [InlineData("export EC2_CERT=${AWS_SECRET_KEY}")]
        [InlineData("export S3_URL=https://clc.example.com/$AWS_SECRET_KEY")]
        [InlineData("export EC2_USER_ID=\"x${AWS_SECRET_KEY}\"")]
        public void TheSecretKeyExpandedIntoAnotherSettingIsRefusedWithoutShowingIt(string line)
        {
            using var machine = new TestMachine();
            string eucarc = machine.Write("eucarc", $"export EC2_URL=https://clc.example.com/services/compute\nexport AWS_ACCESS_KEY=AK\nexport AWS_SECRET_KEY='{Secret}'\n{line}\n");

            var error = Assert.Throws<EucaException>(() => machine.Resolve(new CloudSettingsRequest { EucarcPath = eucarc }));

            Assert.Equal("CloudSettingExposesSecret", error.ErrorId);
            Assert.DoesNotContain(Secret, error.Message);
        }
    }
}
