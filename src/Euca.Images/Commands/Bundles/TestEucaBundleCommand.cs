using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Security;
using Euca.Images.Arguments;
using Euca.Images.Engine.Bundling;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Bundles
{
    /// <summary>Checks a bundle on disk without unbundling it to a file.</summary>
    /// <remarks>
    /// <para>Emits one result per check: the manifest can be read safely; its signature verifies over the raw
    /// manifest text with your certificate (or -Certificate); every part is present and matches its SHA-1; no part
    /// file of the same name is missing from the manifest; and, with -PrivateKey, the whole bundle decrypts and
    /// decompresses to the image digest and size the manifest records, without writing the image anywhere.</para>
    /// <para>Each failed check is also a non-terminating error with the check's error id (ManifestSignatureInvalid,
    /// BundlePartCorrupt, ...) and the part or manifest as its target, so $? is $false and -ErrorAction decides what
    /// happens. With -Quiet it returns only $true when no check failed, else $false, and writes no error.</para>
    /// </remarks>
    /// <example>
    /// <title>Check a bundle before uploading it</title>
    /// <code>Test-EucaBundle -ManifestPath ./bundles/centos7.img.manifest.xml -Certificate cert.pem</code>
    /// <para>Checks the signature and every part digest.</para>
    /// </example>
    /// <example>
    /// <title>Check everything, in a script</title>
    /// <code>if (-not (Test-EucaBundle centos7.img.manifest.xml -PrivateKey pk.pem -Quiet)) { throw 'bad bundle' }</code>
    /// <para>Also decrypts the whole bundle and compares the image digest and size.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Bundles.NewEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Bundles.GetEucaBundleManifestCommand"/>
    /// <seealso cref="Euca.Images.Commands.Storage.SendEucaBundleCommand"/>
    /// <seealso href="about_Euca.Images_Bundles"/>
    [Cmdlet(VerbsDiagnostic.Test, "EucaBundle", DefaultParameterSetName = ManifestSet)]
    [OutputType(typeof(BundleCheck), typeof(bool))]
    public sealed class TestEucaBundleCommand : EucaCloudCmdlet
    {
        private const string ManifestSet = "ManifestPath";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>The bundle's manifest file; wildcards name every manifest they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ManifestSet, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? ManifestPath { get; set; }

        /// <summary>The bundle's manifest file, taken as it is (no wildcards); files from Get-ChildItem bind here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string? LiteralPath { get; set; }

        /// <summary>The certificate of the key that signed the manifest; by default the connection's certificate (EC2_CERT).</summary>
        [Parameter]
        public CertificateArgument? Certificate { get; set; }

        /// <summary>Your private key or the cloud's; with it the whole bundle is decrypted and checked.</summary>
        [Parameter]
        public string? PrivateKey { get; set; }

        /// <summary>The password of an encrypted private key; without it you are prompted.</summary>
        [Parameter]
        public SecureString? PrivateKeyPassword { get; set; }

        /// <summary>The folder holding the part files; by default the manifest's folder.</summary>
        [Parameter]
        public string? PartsDirectory { get; set; }

        /// <summary>Return only $true (no check failed) or $false.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            foreach (string manifestPath in ResolveInputPaths(ManifestPath, LiteralPath))
            {
                Check(manifestPath);
            }
        }

        private void Check(string manifestPath)
        {
            var keys = new KeyMaterialResolver(this);
            string? partsDirectory = PartsDirectory is null ? null : ResolvePath(PartsDirectory);
            var certificate = keys.Certificate(Certificate, AvailableSettings.CertificatePath);
            var privateKey = keys.PrivateKey(PrivateKey, null, PrivateKeyPassword);

            IReadOnlyList<BundleCheck> checks = RunEngine((progress, token) =>
                BundleVerifier.VerifyAsync(manifestPath, partsDirectory, certificate, privateKey, progress, token), manifestPath);
            if (Quiet)
            {
                WriteObject(checks.All(check => check.Status != BundleCheckStatus.Failed));
            }
            else
            {
                WriteObject(checks, enumerateCollection: true);
                foreach (BundleCheck failed in checks.Where(check => check.Status == BundleCheckStatus.Failed))
                {
                    WriteError(ErrorRecords.InvalidData(failed.ErrorId!, failed.Message, failed.Target));
                }
            }
        }
    }
}
