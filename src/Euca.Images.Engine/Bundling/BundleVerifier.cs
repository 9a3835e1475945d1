using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Files;

namespace Euca.Images.Engine.Bundling
{
    /// <summary>
    /// Checks a bundle on disk without writing anything: the manifest, its signature over the raw manifest text, the
    /// presence and digest of every part, stray part files, and with a private key a full decrypt-and-digest pass.
    /// Every check is reported; a failed one does not stop the others unless they depend on it.
    /// </summary>
    public static class BundleVerifier
    {
        private const int HashBufferSize = 1 << 20;

        public static async Task<IReadOnlyList<BundleCheck>> VerifyAsync(string manifestPath, string? partsDirectory,
            X509Certificate2? certificate, RSA? privateKey, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            var checks = new List<BundleCheck>();
            LocalBundle bundle;
            try
            {
                bundle = LocalBundle.Open(manifestPath, partsDirectory);
                checks.Add(new BundleCheck("Manifest", manifestPath, BundleCheckStatus.Passed,
                    $"Manifest of '{bundle.Manifest.ImageName}' with {bundle.Manifest.Parts.Count} parts."));
            }
            catch (EucaException error)
            {
                checks.Add(Failed("Manifest", manifestPath, error));
                return checks;
            }

            checks.Add(CheckSignature(bundle, certificate));
            bool partsIntact = await CheckPartsAsync(bundle, checks, progress, ct).ConfigureAwait(false);
            foreach (string stray in bundle.UnexpectedParts())
            {
                checks.Add(new BundleCheck("UnexpectedPart", stray, BundleCheckStatus.Failed,
                    $"{stray} is not listed in the manifest.", ErrorIds.BundlePartUnexpected));
            }

            checks.Add(await CheckImageAsync(bundle, privateKey, partsIntact, progress, ct).ConfigureAwait(false));
            return checks;
        }

        private static BundleCheck CheckSignature(LocalBundle bundle, X509Certificate2? certificate)
        {
            if (certificate is null)
            {
                return new BundleCheck("Signature", bundle.ManifestPath, BundleCheckStatus.Skipped, "No certificate was given to verify the signature with.");
            }

            switch (bundle.Document.VerifySignature(certificate))
            {
                case SignatureCheck.Valid:
                    return new BundleCheck("Signature", bundle.ManifestPath, BundleCheckStatus.Passed, $"Signed by the key of '{certificate.Subject}'.");
                case SignatureCheck.Unsigned:
                    return new BundleCheck("Signature", bundle.ManifestPath, BundleCheckStatus.Failed,
                        "The manifest is UNSIGNED; a cloud will not register it.", ErrorIds.ManifestUnsigned);
                default:
                    return new BundleCheck("Signature", bundle.ManifestPath, BundleCheckStatus.Failed,
                        $"The signature does not verify with '{certificate.Subject}': the manifest was changed or signed by another key.",
                        ErrorIds.ManifestSignatureInvalid);
            }
        }

        private static async Task<bool> CheckPartsAsync(LocalBundle bundle, List<BundleCheck> checks, IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            bool intact = true;
            long total = bundle.Manifest.Parts.Select(bundle.PartPath).Where(File.Exists).Sum(path => new FileInfo(path).Length);
            long done = 0;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            foreach (BundlePart part in bundle.Manifest.Parts.OrderBy(p => p.Index))
            {
                string path = bundle.PartPath(part);
                if (!File.Exists(path))
                {
                    intact = false;
                    checks.Add(new BundleCheck("PartPresent", part.FileName, BundleCheckStatus.Failed,
                        $"Part {part.Index} '{part.FileName}' is missing from '{bundle.PartsDirectory}'.", ErrorIds.BundlePartMissing));
                    continue;
                }

                string digest = await HashFileAsync(path, bytes =>
                {
                    done += bytes;
                    progress?.Report(new OperationProgress($"Checking parts of {bundle.Manifest.ImageName}", done, total, part.FileName, elapsed: clock.Elapsed));
                }, ct).ConfigureAwait(false);
                bool matches = string.Equals(digest, part.Digest, StringComparison.OrdinalIgnoreCase);
                intact &= matches;
                checks.Add(matches
                    ? new BundleCheck("PartDigest", part.FileName, BundleCheckStatus.Passed, $"SHA-1 {digest} matches.")
                    : new BundleCheck("PartDigest", part.FileName, BundleCheckStatus.Failed,
                        $"Part {part.Index} '{part.FileName}' has SHA-1 {digest}, the manifest says {part.Digest}: it is corrupt or truncated.",
                        ErrorIds.BundlePartCorrupt));
            }

            return intact;
        }

        private static async Task<BundleCheck> CheckImageAsync(LocalBundle bundle, RSA? privateKey, bool partsIntact,
            IProgress<OperationProgress>? progress, CancellationToken ct)
        {
            string image = bundle.Manifest.ImageName;
            if (privateKey is null)
            {
                return new BundleCheck("Image", image, BundleCheckStatus.Skipped, "No private key was given, so the image was not decrypted.");
            }

            if (!partsIntact)
            {
                return new BundleCheck("Image", image, BundleCheckStatus.Skipped, "Not decrypted because a part is missing or corrupt.");
            }

            try
            {
                UnwrappedBundleKey key = bundle.Manifest.UnwrapKey(privateKey);
                PayloadReadResult result = await PayloadReader.ReadAsync(bundle.PartSources(), key.Material.GetKey(), key.Material.GetIv(),
                    new PayloadExpectation(bundle.Manifest.ImageDigest, bundle.Manifest.Size, bundle.Manifest.BundledSize), output: null, progress, ct).ConfigureAwait(false);
                return new BundleCheck("Image", image, BundleCheckStatus.Passed,
                    $"Decrypted with the {key.Source.ToString().ToLowerInvariant()} key copy: {result.ImageSize} bytes, digest {result.ImageDigestSha1} as in the manifest.");
            }
            catch (EucaException error)
            {
                return Failed("Image", image, error);
            }
        }

        private static BundleCheck Failed(string check, string target, EucaException error) =>
            new BundleCheck(check, target, BundleCheckStatus.Failed, error.Message, error.Id);

        private static async Task<string> HashFileAsync(string path, Action<int> onRead, CancellationToken ct)
        {
            using var sha1 = SHA1.Create();
            using var stream = RegularFile.OpenRead(path, HashBufferSize, FileOptions.Asynchronous);
            var buffer = new byte[HashBufferSize];
            int read;
            while ((read = await stream.ReadAsync(buffer, 0, buffer.Length, ct).ConfigureAwait(false)) > 0)
            {
                sha1.TransformBlock(buffer, 0, read, null, 0);
                onRead(read);
            }

            sha1.TransformFinalBlock(buffer, 0, 0);
            return HexEncoding.ToLowerHex(sha1.Hash!);
        }
    }
}
