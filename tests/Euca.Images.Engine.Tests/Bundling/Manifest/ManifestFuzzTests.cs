using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Bundling.Manifest
{
    /// <summary>Issue 11, class 7: seeded mutation fuzzing of the manifest reader and its signature check.</summary>
    public sealed class ManifestFuzzTests
    {
        private static readonly string[] Tokens =
        {
            "<image>", "</image>", "<machine_configuration>", "</machine_configuration>", "<signature>", "</signature>",
            "<!--", "-->", "<![CDATA[", "]]>", "&amp;", "&#0;", "&#xFFFF;", "&#x10FFFF;", "<!DOCTYPE manifest>", "<?pi x?>",
            "<parts count=\"99999999999999999999\">", "<part index=\"-1\">", "<size>-1</size>", "<name>../../x</name>",
            "algorithm=\"AES-256-CBC\"", "\uFEFF", "\r\n", "<x:image xmlns:x=\"urn:x\">", string.Concat(Enumerable.Repeat("<a>", 40)),
        };

        [Fact]
        public void TenThousandMutatedManifestsAreEachReadOrRefusedWithAStableId()
        {
            X509Certificate2 certificate = CertificateLoader.Load(Euca2oolsTestData.Key("user-cert.pem"));
            var seeds = new[] { "basic", "emptylast", "kernel", "mapped", "unsigned" }
                .Select(folder => File.ReadAllBytes(Euca2oolsTestData.Manifest(folder))).ToList();

            MutationFuzzer.Run("manifest reader", seed: 20110, seeds, Tokens, count: 10_000,
                input => ManifestReader.Read(input, "fuzzed.manifest.xml").VerifySignature(certificate),
                new[] { "ManifestInvalid", "ManifestHostile", "ManifestStructureInvalid", "ManifestAlgorithmUnsupported", "ManifestImageNameInvalid", "ManifestPartNameInvalid" },
                maxBytesPerInput: 64L * 1024 * 1024, timeLimit: TimeSpan.FromSeconds(90));
        }
    }
}
