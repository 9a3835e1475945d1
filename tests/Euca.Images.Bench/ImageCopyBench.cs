using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Bench
{
    /// <summary>
    /// Copy-EucaImage's bundle copy between two object stores (two s3rver processes) against a plain parallel object copy
    /// of the same parts (GET into memory, PUT, the same parallelism, no digest or ETag check), measured in the same run
    /// in alternating rounds; the ratio is the median of the rounds. Target: the copy takes at most 1.5x the plain copy.
    /// Then the peak memory of one copy, each in a process of its own, of this bundle and of one twice as large: a copy
    /// holds a fixed number of parts in memory, so the two peaks should be about the same.
    /// </summary>
    public static class ImageCopyBench
    {
        private const string TargetLabel = "bundle copy / plain parallel object copy, median (target <= 1.50)";
        private const int Rounds = 3;
        private const int Parallelism = BundleUploadTarget.DefaultThrottleLimit;

        public static async Task<int> RunAsync(string[] args)
        {
            // Random bytes do not compress, so the bundle is as large as the image: 1 GiB of parts, about 100 of 10 MiB.
            int sizeMiB = BenchCommandLine.IntOption(args, "--size-mib", 1024);
            string work = BenchCommandLine.StringOption(args, "--work") ?? Path.Combine("/var/tmp", "euca-copy-bench-" + Environment.ProcessId);
            Directory.CreateDirectory(work);
            Console.WriteLine($"image-copy: work dir {work}; bundling a {sizeMiB} MiB random image...");
            using RSA userKey = RSA.Create(2048);
            using RSA cloudKey = RSA.Create(2048);
            using X509Certificate2 userCert = SelfSigned("CN=bench-user", userKey);
            using X509Certificate2 cloudCert = SelfSigned("CN=bench-destination-cloud", cloudKey);
            BundleInfo bundle = await BundleRandomImageAsync(work, "bundle", sizeMiB, userKey, userCert, cloudCert);
            // The peak-memory children read the keys from files: a copy needs the user's key and the destination cloud's certificate.
            File.WriteAllText(Path.Combine(work, "user-key.pem"), userKey.ExportRSAPrivateKeyPem());
            File.WriteAllText(Path.Combine(work, "cloud-cert.pem"), cloudCert.ExportCertificatePem());

            using (var sourceServer = S3rverProcess.Start(Path.Combine(work, "s3rver-source")))
            using (var destinationServer = S3rverProcess.Start(Path.Combine(work, "s3rver-destination")))
            using (CloudConnection source = StorageBench.Connect(sourceServer.Url))
            using (CloudConnection destination = StorageBench.Connect(destinationServer.Url))
            using (AmazonS3Client sourceClient = PlainClient(sourceServer.Url))
            using (AmazonS3Client destinationClient = PlainClient(destinationServer.Url))
            {
                BundleUpload stored = await BundleUploader.SendAsync(source, new BundleSendRequest(bundle.ManifestPath, new BundleUploadTarget("source")), null, CancellationToken.None);
                List<string> keys = bundle.Parts.Select(p => p.FileName).ToList();
                var timer = new StepTimer(() => sourceServer.CpuTime + destinationServer.CpuTime);
                for (int round = 1; round <= Rounds; round++)
                {
                    string plainBucket = "plain-" + round;
                    await destinationClient.PutBucketAsync(plainBucket);
                    await timer.Time($"plain parallel object copy #{round}", () => PlainCopyAsync(sourceClient, destinationClient, keys, plainBucket));
                    await DeleteAsync(destinationClient, plainBucket, keys);

                    var request = new StoredBundleCopyRequest(stored.ManifestLocation, new BundleUploadTarget("copy-" + round) { ThrottleLimit = Parallelism },
                        new ManifestConversionRequest(userKey, cloudCert));
                    BundleUpload copy = await timer.Time($"bundle copy, verified and converted #{round}", () => StoredBundleCopier.CopyAsync(source, destination, request, null, CancellationToken.None));
                    await BundleRemover.RemoveAsync(destination, new BundleRemoveRequest(copy.ManifestLocation, removeBucket: true), null, CancellationToken.None);
                }

                double ratio = Enumerable.Range(1, Rounds)
                    .Select(r => timer.Seconds($"bundle copy, verified and converted #{r}") / timer.Seconds($"plain parallel object copy #{r}"))
                    .OrderBy(v => v).ElementAt(Rounds / 2);
                Console.WriteLine();
                Console.WriteLine($"image-copy: {bundle.Parts.Count} parts, {bundle.BundledSize / 1048576.0:0.0} MiB bundled, {Parallelism} at a time; " +
                    $"{Environment.ProcessorCount} cores shared with two s3rver processes on 127.0.0.1 (s3rver CPU is both stores')");
                timer.PrintTable();
                Console.WriteLine($"{"ratio",-66} {"value",8}");
                Console.WriteLine($"{TargetLabel,-66} {ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x",8}");

                Console.WriteLine();
                Console.WriteLine($"image-copy: peak memory of one copy, {Parallelism} parts at a time, in a process of its own (bundling a {2 * sizeMiB} MiB image too)...");
                BundleInfo large = await BundleRandomImageAsync(work, "large", 2 * sizeMiB, userKey, userCert, cloudCert);
                BundleUpload storedLarge = await BundleUploader.SendAsync(source, new BundleSendRequest(large.ManifestPath, new BundleUploadTarget("source-large")), null, CancellationToken.None);
                Directory.Delete(large.Directory, recursive: true);
                foreach ((BundleUpload peakSource, BundleInfo peakBundle) in new[] { (stored, bundle), (storedLarge, large) })
                {
                    double peakMiB = await PeakChildAsync(sourceServer.Url, destinationServer.Url, peakSource.ManifestLocation, work);
                    string label = $"peak working set, copy of a {peakBundle.BundledSize / 1048576.0:0} MiB bundle ({peakBundle.Parts.Count} parts)";
                    Console.WriteLine($"{label,-66} {peakMiB,4:0} MiB");
                }
            }

            Directory.Delete(work, recursive: true);
            return 0;
        }

        /// <summary>A child process that copies one stored bundle; prints its peak working set in KiB last.</summary>
        public static async Task<int> RunPeakChildAsync(string[] args)
        {
            string work = BenchCommandLine.StringOption(args, "--work")!;
            using CloudConnection source = StorageBench.Connect(new Uri(BenchCommandLine.StringOption(args, "--source")!));
            using CloudConnection destination = StorageBench.Connect(new Uri(BenchCommandLine.StringOption(args, "--destination")!));
            using RSA userKey = RSA.Create();
            userKey.ImportFromPem(File.ReadAllText(Path.Combine(work, "user-key.pem")));
            using X509Certificate2 cloudCert = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(work, "cloud-cert.pem")));
            var request = new StoredBundleCopyRequest(BenchCommandLine.StringOption(args, "--manifest")!, new BundleUploadTarget("peak") { ThrottleLimit = Parallelism },
                new ManifestConversionRequest(userKey, cloudCert));
            BundleUpload copy = await StoredBundleCopier.CopyAsync(source, destination, request, null, CancellationToken.None);
            long peak = PayloadChild.PeakKiB();
            await BundleRemover.RemoveAsync(destination, new BundleRemoveRequest(copy.ManifestLocation, removeBucket: true), null, CancellationToken.None);
            Console.WriteLine(peak.ToString(CultureInfo.InvariantCulture));
            return 0;
        }

        private static Task<double> PeakChildAsync(Uri source, Uri destination, string manifest, string work) =>
            BenchCommandLine.PeakChildMiBAsync("image-copy-peak", "--source", source.ToString(), "--destination", destination.ToString(), "--manifest", manifest, "--work", work);

        private static async Task<BundleInfo> BundleRandomImageAsync(string work, string name, int sizeMiB, RSA userKey, X509Certificate2 userCert, X509Certificate2 cloudCert)
        {
            string image = RandomImage(work, name + ".img", sizeMiB);
            BundleInfo bundle = await BundleCreator.CreateAsync(new BundleCreateRequest(image,
                new BundleImageProperties { Architecture = "x86_64", AccountId = "123456789012" }, cloudCert)
            {
                UserCertificate = userCert,
                SigningKey = userKey,
                Destination = Path.Combine(work, name),
            }, null, CancellationToken.None);
            File.Delete(image);
            return bundle;
        }

        /// <summary>The baseline: each part fetched into memory and stored again, with no check of any kind.</summary>
        private static async Task<bool> PlainCopyAsync(AmazonS3Client from, AmazonS3Client to, IReadOnlyList<string> keys, string bucket)
        {
            using var slots = new SemaphoreSlim(Parallelism);
            await Task.WhenAll(keys.Select(async key =>
            {
                await slots.WaitAsync();
                try
                {
                    using GetObjectResponse response = await from.GetObjectAsync("source", key);
                    var body = new MemoryStream((int)response.ContentLength);
                    await response.ResponseStream.CopyToAsync(body);
                    body.Position = 0;
                    await to.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = body, UseChunkEncoding = false });
                }
                finally
                {
                    slots.Release();
                }
            }));
            return true;
        }

        private static async Task DeleteAsync(AmazonS3Client client, string bucket, IEnumerable<string> keys)
        {
            foreach (string key in keys)
            {
                await client.DeleteObjectAsync(bucket, key);
            }

            await client.DeleteBucketAsync(bucket);
        }

        private static string RandomImage(string work, string name, int sizeMiB)
        {
            string path = Path.Combine(work, name);
            var random = new Random(42);
            var block = new byte[1 << 20];
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
            for (int i = 0; i < sizeMiB; i++)
            {
                random.NextBytes(block);
                file.Write(block, 0, block.Length);
            }

            return path;
        }

        private static X509Certificate2 SelfSigned(string subject, RSA key) =>
            new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

        /// <summary>An SDK client set up as the engine's (path style, no SDK retries, checksums only when required).</summary>
        private static AmazonS3Client PlainClient(Uri url) =>
            new AmazonS3Client(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config
            {
                ServiceURL = url.ToString(),
                ForcePathStyle = true,
                MaxErrorRetry = 0,
                RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
                ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            });
    }
}
