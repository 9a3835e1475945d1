using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Bench
{
    /// <summary>
    /// Bundle transfers against a local s3rver it starts itself: parallel vs one-part-at-a-time upload and
    /// download through the same code path, and bundle-and-upload in one pass vs bundling alone and vs bundling then
    /// uploading.
    /// </summary>
    public static class StorageBench
    {
        public static async Task<int> RunAsync(string[] args)
        {
            int sizeMiB = IntOption(args, "--size-mib", 1024);
            string work = StringOption(args, "--work") ?? Path.Combine("/var/tmp", "euca-storage-bench-" + Environment.ProcessId);
            Directory.CreateDirectory(work);
            string image = Path.Combine(work, "bench.img");
            Console.WriteLine($"storage: work dir {work}; generating {sizeMiB} MiB mixed image (seed 42)...");
            PayloadBench.GenerateMixedImage(image, sizeMiB);

            using var server = S3rverProcess.Start(Path.Combine(work, "s3rver-data"));
            using var connection = Connect(server.Url);
            using var rsa = RSA.Create(2048);
            X509Certificate2 cloud = new CertificateRequest("CN=bench-cloud", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            BundleCreateRequest Request(string destination) =>
                new BundleCreateRequest(image, new BundleImageProperties { Architecture = "x86_64", AccountId = "123456789012" }, cloud) { Destination = destination };

            var rows = new List<(string Name, double Seconds)>();
            async Task<T> Time<T>(string name, Func<Task<T>> step)
            {
                var watch = Stopwatch.StartNew();
                T result = await step();
                rows.Add((name, watch.Elapsed.TotalSeconds));
                Console.WriteLine($"  {name}: {watch.Elapsed.TotalSeconds:0.00} s");
                return result;
            }

            BundleInfo bundle = await Time("bundle alone (to disk)", () => BundleCreator.CreateAsync(Request(Fresh(work, "bundle")), null, CancellationToken.None));
            BundleUpload parallel = await Time("upload, 4 parts at a time", () => BundleUploader.SendAsync(connection, bundle.ManifestPath, null,
                new BundleUploadTarget("parallel") { ThrottleLimit = 4 }, false, null, CancellationToken.None));
            await Time("upload, 1 part at a time", () => BundleUploader.SendAsync(connection, bundle.ManifestPath, null,
                new BundleUploadTarget("serial") { ThrottleLimit = 1 }, false, null, CancellationToken.None));
            await Time("download, 4 parts at a time", () => BundleDownloader.SaveAsync(connection, parallel.ManifestLocation, Fresh(work, "dl4"), 4, null, null, CancellationToken.None));
            await Time("download, 1 part at a time", () => BundleDownloader.SaveAsync(connection, parallel.ManifestLocation, Fresh(work, "dl1"), 1, null, null, CancellationToken.None));
            await Time("bundle-and-upload in one pass", () => BundleStreamUploader.CreateAndSendAsync(connection, Request(Fresh(work, "streamed")),
                new BundleUploadTarget("streamed"), BundleStreamUploader.DefaultMaxPartsOnDisk, false, null, CancellationToken.None));
            await Time("bundle, then upload (4 at a time)", async () =>
            {
                BundleInfo again = await BundleCreator.CreateAsync(Request(Fresh(work, "then")), null, CancellationToken.None);
                return await BundleUploader.SendAsync(connection, again.ManifestPath, null, new BundleUploadTarget("then"), false, null, CancellationToken.None);
            });

            double Sec(string prefix) => rows.Find(r => r.Name.StartsWith(prefix, StringComparison.Ordinal)).Seconds;
            Console.WriteLine();
            Console.WriteLine($"storage: {sizeMiB} MiB image, {bundle.Parts.Count} parts, {bundle.BundledSize / 1048576.0:0.0} MiB bundled; {Environment.ProcessorCount} cores; s3rver on 127.0.0.1");
            Console.WriteLine($"{"step",-40} {"wall s",8}");
            foreach (var row in rows)
            {
                Console.WriteLine($"{row.Name,-40} {row.Seconds,8:0.00}");
            }

            Console.WriteLine($"{"ratio",-58} {"value",8}");
            Console.WriteLine($"{"upload speed-up, 4 at a time vs 1 (1-part / 4-part time)",-58} {Ratio(Sec("upload, 1"), Sec("upload, 4")),8}");
            Console.WriteLine($"{"download speed-up, 4 at a time vs 1",-58} {Ratio(Sec("download, 1"), Sec("download, 4")),8}");
            Console.WriteLine($"{"one pass / bundling alone (target <= 1.20)",-58} {Ratio(Sec("bundle-and-upload"), Sec("bundle alone")),8}");
            Console.WriteLine($"{"one pass / bundle-then-upload",-58} {Ratio(Sec("bundle-and-upload"), Sec("bundle, then")),8}");
            Directory.Delete(work, recursive: true);
            return 0;
        }

        private static CloudConnection Connect(Uri url)
        {
            string none = Path.Combine(Path.GetTempPath(), "no-config-" + Guid.NewGuid().ToString("N"));
            var environment = new ConfigurationEnvironment(new Dictionary<string, string>(), none, none, Path.GetTempPath(), Path.GetTempPath());
            CloudSettings settings = CloudSettingsResolver.Resolve(new CloudSettingsRequest
            {
                ObjectStorageUrl = url.ToString(), AccessKey = "S3RVER", SecretKey = "S3RVER", Environment = environment,
            });
            return new CloudConnection(settings);
        }

        private static string Ratio(double numerator, double denominator) => (numerator / denominator).ToString("0.00", CultureInfo.InvariantCulture) + "x";

        private static string Fresh(string work, string name)
        {
            string dir = Path.Combine(work, name);
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            return dir;
        }

        private static int IntOption(string[] args, string name, int fallback) =>
            StringOption(args, name) is string v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        private static string? StringOption(string[] args, string name)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        /// <summary>s3rver started the way the tests start it, stopped (and its data removed) on dispose.</summary>
        private sealed class S3rverProcess : IDisposable
        {
            private readonly Process _process;

            private S3rverProcess(Process process, int port)
            {
                _process = process;
                Url = new Uri($"http://127.0.0.1:{port}/");
            }

            public Uri Url { get; }

            public static S3rverProcess Start(string dataDirectory)
            {
                string servers = Path.Combine(RepoRoot(), "tests", "servers");
                if (!Directory.Exists(Path.Combine(servers, "node_modules")))
                {
                    using Process npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error") { WorkingDirectory = servers })!;
                    npm.WaitForExit();
                    if (npm.ExitCode != 0) throw new InvalidOperationException("npm ci failed in " + servers);
                }

                Directory.CreateDirectory(dataDirectory);
                var info = new ProcessStartInfo("node") { WorkingDirectory = servers, RedirectStandardOutput = true, UseShellExecute = false };
                foreach (string a in new[] { "start-s3rver.js", "--parent-pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "-d", dataDirectory, "-p", "0" })
                {
                    info.ArgumentList.Add(a);
                }

                Process process = Process.Start(info)!;
                string? line;
                while ((line = process.StandardOutput.ReadLine()) != null)
                {
                    Match match = Regex.Match(line, @"S3rver listening on 127\.0\.0\.1:(\d+)");
                    if (match.Success)
                    {
                        Task.Run(() => process.StandardOutput.ReadToEnd());
                        return new S3rverProcess(process, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                    }
                }

                throw new InvalidOperationException("s3rver did not start.");
            }

            public void Dispose()
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10000);
                }

                _process.Dispose();
            }

            private static string RepoRoot()
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "Euca.Images.sln"))) return dir.FullName;
                }

                throw new InvalidOperationException("Euca.Images.sln not found above " + AppContext.BaseDirectory);
            }
        }
    }
}
