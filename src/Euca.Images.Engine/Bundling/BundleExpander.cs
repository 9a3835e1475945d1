using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Engine.Bundling
{
    /// <summary>
    /// Unbundles: verifies the manifest's signature when the signer's certificate is known, every part's digest, decrypts with the user's or the cloud's copy of the key, and writes
    /// the image checked against the manifest's digest and size. Unlike euca2ools, a failed check leaves no output.
    /// </summary>
    public static class BundleExpander
    {
        /// <param name="signer">The certificate of the user who signed the manifest; when given, a manifest that does not verify is refused.</param>
        public static async Task<ExpandedImage> ExpandAsync(string manifestPath, string? partsDirectory, string destination, RSA privateKey,
            X509Certificate2? signer, bool force, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            LocalBundle bundle = LocalBundle.Open(manifestPath, partsDirectory);
            ManifestTrust.Verify(bundle.Document, signer, bundle.ManifestPath);
            RefuseUnexpectedParts(bundle);
            UnwrappedBundleKey key = bundle.Manifest.UnwrapKey(privateKey);
            string outputPath = bundle.OutputPath(destination);

            using ImageFileWriter output = ImageFileWriter.Create(outputPath, force);
            PayloadReadResult result = await PayloadReader.ReadAsync(bundle.PartSources(), key.Material.GetKey(), key.Material.GetIv(),
                new PayloadExpectation(bundle.Manifest.ImageDigest, bundle.Manifest.Size, bundle.Manifest.BundledSize), output.Stream, progress, ct).ConfigureAwait(false);
            output.Commit();
            return new ExpandedImage(output.Path, result.ImageSize, result.ImageDigestSha1, key.Source, bundle.ManifestPath);
        }

        private static void RefuseUnexpectedParts(LocalBundle bundle)
        {
            IReadOnlyList<string> unexpected = bundle.UnexpectedParts();
            if (unexpected.Count > 0)
            {
                throw new EucaException(ErrorIds.BundlePartUnexpected, EucaErrorCategory.InvalidData,
                    $"'{bundle.PartsDirectory}' holds part {unexpected[0]}, which the manifest of '{bundle.Manifest.ImageName}' does not list " +
                    $"({bundle.Manifest.Parts.Count} parts). The folder may mix two bundles, or the manifest may be cut short.",
                    unexpected[0]);
            }
        }
    }
}
