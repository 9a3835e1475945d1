using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Bench
{
    /// <summary>
    /// Bundle transfers against a local s3rver it starts itself: parallel vs one-part-at-a-time upload and download
    /// through the same code path, and bundle-and-upload in one pass vs bundling alone and vs bundling then uploading.
    /// The one-pass comparison runs twice: with s3rver sharing every core with the bundler, and, where the machine
    /// allows, with s3rver pinned to a core of its own, as an object store on its own machine would be.
    /// </summary>
    public static class StorageBench
    {
        private const string TargetLabel = "one pass / bundling alone, median of 3 (target <= 1.20)";

        public static async Task<int> RunAsync(string[] args)
        {
            // The mixed image bundles to about 40% of its size: 2.5 GiB makes the 1 GiB bundle of about 100 parts the
            // storage targets are set for.
            int sizeMiB = BenchCommandLine.IntOption(args, "--size-mib", 2560);
            string work = BenchCommandLine.StringOption(args, "--work") ?? Path.Combine("/var/tmp", "euca-storage-bench-" + Environment.ProcessId);
            Directory.CreateDirectory(work);
            string image = Path.Combine(work, "bench.img");
            Console.WriteLine($"storage: work dir {work}; generating {sizeMiB} MiB mixed image (seed 42)...");
            PayloadBench.GenerateMixedImage(image, sizeMiB);

            using (var server = S3rverProcess.Start(Path.Combine(work, "s3rver-data")))
            using (CloudConnection connection = Connect(server.Url))
            using (var bundles = new BenchBundles(image, work))
            {
                var timer = new StepTimer(() => server.CpuTime);
                BundleInfo bundle = await timer.Time("bundle alone (to disk)", () => BundleCreator.CreateAsync(bundles.Request("bundle"), null, CancellationToken.None));
                await TransferStepsAsync(timer, connection, bundle, bundles);
                (double vsAlone, double vsThen) = await OnePassComparison.RunAsync(timer, connection, bundles.Request);

                Console.WriteLine();
                Console.WriteLine($"storage: {sizeMiB} MiB image, {bundle.Parts.Count} parts, {bundle.BundledSize / 1048576.0:0.0} MiB bundled; " +
                    $"{Environment.ProcessorCount} cores shared with s3rver on 127.0.0.1");
                timer.PrintTable();
                Console.WriteLine($"{"ratio",-58} {"value",8}");
                PrintRatio("upload speed-up, 4 at a time vs 1 (1-part / 4-part time)", timer.Seconds("upload, 1 part at a time") / timer.Seconds("upload, 4 parts at a time"));
                PrintRatio("download speed-up, 4 at a time vs 1", timer.Seconds("download, 1 part at a time") / timer.Seconds("download, 4 parts at a time"));
                PrintRatio(TargetLabel, vsAlone);
                PrintRatio("one pass / bundle-then-upload, median of 3", vsThen);

                // Peak memory of one pass in a process of its own: the pending parts are a fixed set of buffers.
                Console.WriteLine($"{"peak memory of one pass, process of its own",-58} {await PeakChildAsync(server.Url, image, work),5:0} MB");
            }

            int exit = await IsolatedStoreComparisonAsync(image, work);
            Directory.Delete(work, recursive: true);
            return exit;
        }

        /// <summary>The child process of the isolated comparison: pinned by its parent to the cores s3rver does not use.</summary>
        public static async Task<int> RunIsolatedChildAsync(string[] args)
        {
            string image = BenchCommandLine.StringOption(args, "--image")!, work = BenchCommandLine.StringOption(args, "--work")!;
            using Process store = Process.GetProcessById(BenchCommandLine.IntOption(args, "--store-pid", 0));
            using CloudConnection connection = Connect(new Uri(BenchCommandLine.StringOption(args, "--url")!));
            using var bundles = new BenchBundles(image, work);
            var timer = new StepTimer(() =>
            {
                store.Refresh();
                return store.TotalProcessorTime;
            });
            (double vsAlone, double vsThen) = await OnePassComparison.RunAsync(timer, connection, bundles.Request);

            Console.WriteLine();
            Console.WriteLine($"storage: {Environment.ProcessorCount} core(s) for bundling, s3rver pinned to a core of its own");
            timer.PrintTable();
            Console.WriteLine($"{"ratio",-58} {"value",8}");
            PrintRatio(TargetLabel, vsAlone);
            PrintRatio("one pass / bundle-then-upload, median of 3", vsThen);
            return 0;
        }

        /// <summary>A child process that bundles and uploads one image in one pass; prints its peak memory in KiB last.</summary>
        public static async Task<int> RunPeakChildAsync(string[] args)
        {
            using CloudConnection connection = Connect(new Uri(BenchCommandLine.StringOption(args, "--url")!));
            using var bundles = new BenchBundles(BenchCommandLine.StringOption(args, "--image")!, BenchCommandLine.StringOption(args, "--work")!);
            BundleUpload upload = await BundleStreamUploader.CreateAndSendAsync(connection,
                new BundleCreateAndSendRequest(bundles.Request("peak"), new BundleUploadTarget("peak")), null, CancellationToken.None);
            long peak = PayloadChild.PeakKiB();
            await BundleRemover.RemoveAsync(connection, new BundleRemoveRequest(upload.ManifestLocation, removeBucket: true), null, CancellationToken.None);
            Console.WriteLine(peak.ToString(CultureInfo.InvariantCulture));
            return 0;
        }

        private static Task<double> PeakChildAsync(Uri url, string image, string work) =>
            BenchCommandLine.PeakChildMiBAsync("storage-peak", "--url", url.ToString(), "--image", image, "--work", work);

        private static async Task TransferStepsAsync(StepTimer timer, CloudConnection connection, BundleInfo bundle, BenchBundles bundles)
        {
            async Task Remove(BundleUpload upload) =>
                await BundleRemover.RemoveAsync(connection, new BundleRemoveRequest(upload.ManifestLocation, removeBucket: true), null, CancellationToken.None);

            BundleUpload parallel = await timer.Time("upload, 4 parts at a time", () => BundleUploader.SendAsync(connection,
                new BundleSendRequest(bundle.ManifestPath, new BundleUploadTarget("parallel") { ThrottleLimit = 4 }), null, CancellationToken.None));
            await timer.Time("download, 4 parts at a time", () => BundleDownloader.SaveAsync(connection, new BundleSaveRequest(parallel.ManifestLocation, bundles.Fresh("dl4"), 4), null, CancellationToken.None));
            await timer.Time("download, 1 part at a time", () => BundleDownloader.SaveAsync(connection, new BundleSaveRequest(parallel.ManifestLocation, bundles.Fresh("dl1"), 1), null, CancellationToken.None));
            await Remove(parallel);
            await Remove(await timer.Time("upload, 1 part at a time", () => BundleUploader.SendAsync(connection,
                new BundleSendRequest(bundle.ManifestPath, new BundleUploadTarget("serial") { ThrottleLimit = 1 }), null, CancellationToken.None)));
        }

        /// <summary>
        /// Pins a fresh s3rver to the last core and runs the one-pass comparison in a child process pinned to the others
        /// (Linux with taskset and at least two cores only): the store's own CPU work then no longer slows bundling.
        /// </summary>
        private static async Task<int> IsolatedStoreComparisonAsync(string image, string work)
        {
            Console.WriteLine();
            int cores = Environment.ProcessorCount;
            if (!OperatingSystem.IsLinux() || cores < 2 || BenchCommandLine.Which("taskset").Length == 0)
            {
                Console.WriteLine("storage: comparison with s3rver on a core of its own skipped (needs Linux, taskset and two or more cores).");
                return 0;
            }

            Console.WriteLine($"storage: one-pass comparison again, s3rver pinned to core {cores - 1}, bundling to cores 0-{cores - 2}...");
            using var server = S3rverProcess.Start(Path.Combine(work, "s3rver-isolated"), cpus: (cores - 1).ToString(CultureInfo.InvariantCulture));
            ProcessStartInfo info = BenchCommandLine.Self($"0-{cores - 2}", "storage-isolated", "--url", server.Url.ToString(),
                "--store-pid", server.ProcessId.ToString(CultureInfo.InvariantCulture), "--image", image, "--work", work);
            using Process child = Process.Start(info)!;
            await child.WaitForExitAsync();
            return child.ExitCode;
        }

        /// <summary>A connection to a bench s3rver with its key pair, reading no configuration of the machine.</summary>
        internal static CloudConnection Connect(Uri url)
        {
            string none = Path.Combine(Path.GetTempPath(), "no-config-" + Guid.NewGuid().ToString("N"));
            var environment = new ConfigurationEnvironment(new Dictionary<string, string>(), none, none, Path.GetTempPath(), Path.GetTempPath());
            CloudSettings settings = CloudSettingsResolver.Resolve(new CloudSettingsRequest
            {
                ObjectStorageUrl = url.ToString(), AccessKey = "S3RVER", SecretKey = "S3RVER", Environment = environment,
            });
            return new CloudConnection(settings);
        }

        private static void PrintRatio(string label, double ratio) =>
            Console.WriteLine($"{label,-58} {ratio.ToString("0.00", CultureInfo.InvariantCulture) + "x",8}");
    }
}
