using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.DiskImages.Conversion;
using static Euca.Images.Bench.BenchCommandLine;

namespace Euca.Images.Bench
{
    /// <summary>
    /// The native disk readers against qemu-img on the same files: converting a mostly-empty VHDX and a dense QCOW2
    /// to raw (goal: no slower than qemu-img convert), and bundling straight from the VHDX against bundling the
    /// equivalent sparse raw file (goal: at most 1.1 times). The contenders run in turns, five times each, from a
    /// warm page cache; the best time of each is compared.
    /// </summary>
    public static class DiskImageBench
    {
        private const int Rounds = 5;

        public static async Task<int> RunAsync(string[] args)
        {
            if (Which("qemu-img").Length == 0)
            {
                Console.Error.WriteLine("The disk-image benchmark needs qemu-img: install qemu-utils.");
                return 2;
            }

            int sparseGiB = IntOption(args, "--vhdx-gib", 4);
            int denseMiB = IntOption(args, "--qcow2-mib", 1024);
            string work = StringOption(args, "--work") ?? Path.Combine("/var/tmp", "euca-bench-disk-" + Environment.ProcessId);
            Directory.CreateDirectory(work);
            Console.WriteLine($"work dir {work}; making a {sparseGiB} GiB VHDX with 64 MiB of data and a {denseMiB} MiB dense QCOW2...");
            long step = sparseGiB * 1024L / 8;
            Shell($"rm -f sparse.raw; truncate -s {sparseGiB}G sparse.raw; for i in 0 1 2 3 4 5 6 7; do head -c 8M /dev/urandom | dd of=sparse.raw bs=1M seek=$((i * {step})) conv=notrunc status=none; done; " +
                "qemu-img convert -f raw -O vhdx sparse.raw sparse.vhdx", work);
            Shell($"head -c {denseMiB}M /dev/urandom > dense.raw && qemu-img convert -f raw -O qcow2 dense.raw dense.qcow2 && rm dense.raw", work);
            Shell("sync; cat sparse.vhdx dense.qcow2 > /dev/null", work);

            var (vhdxOurs, vhdxQemu) = await AlternateAsync(work,
                () => OwnAsync(() => ConvertAsync(work, "sparse.vhdx")), () => QemuConvertAsync(work, "sparse.vhdx"));
            var (qcowOurs, qcowQemu) = await AlternateAsync(work,
                () => OwnAsync(() => ConvertAsync(work, "dense.qcow2")), () => QemuConvertAsync(work, "dense.qcow2"));
            var (bundleVhdx, bundleRaw) = await AlternateAsync(work,
                () => OwnAsync(() => BundleAsync(work, "sparse.vhdx")), () => OwnAsync(() => BundleAsync(work, "sparse.raw")));

            Console.WriteLine();
            Console.WriteLine($"Best of {Rounds} alternating runs each; CPU = user + system seconds, the fairer measure when other work shares the cores.");
            Console.WriteLine($"{"step",-52} {"ours s",7} {"base s",7} {"wall ratio",10} {"ours CPU",9} {"base CPU",9} {"CPU ratio",9} {"goal",6}");
            Row($"convert {sparseGiB} GiB mostly-empty VHDX to raw (vs qemu-img)", vhdxOurs, vhdxQemu, 1.0);
            Row($"convert {denseMiB} MiB dense QCOW2 to raw (vs qemu-img)", qcowOurs, qcowQemu, 1.0);
            Row("bundle the VHDX (vs bundling the sparse raw file)", bundleVhdx, bundleRaw, 1.1);
            Directory.Delete(work, recursive: true);
            return 0;
        }

        private static void Row(string name, Measure ours, Measure baseline, double goal) =>
            Console.WriteLine($"{name,-52} {ours.Wall,7:0.00} {baseline.Wall,7:0.00} {ours.Wall / baseline.Wall,10:0.00} {ours.Cpu,9:0.00} {baseline.Cpu,9:0.00} {ours.Cpu / baseline.Cpu,9:0.00} {"<= " + goal.ToString("0.0"),6}");

        /// <summary>qemu-img convert's wall time, and its CPU time from bash's <c>times</c> (the children's line).</summary>
        private static Task<Measure> QemuConvertAsync(string work, string source)
        {
            var watch = Stopwatch.StartNew();
            string[] times = Shell($"qemu-img convert -O raw {source} qemu.raw; times", work).Trim().Split('\n').Last().Split(' ');
            double wall = watch.Elapsed.TotalSeconds;
            return Task.FromResult(new Measure(wall, times.Sum(BashSeconds)));
        }

        private static double BashSeconds(string value)
        {
            string[] minutes = value.TrimEnd('s').Split('m');
            return double.Parse(minutes[0], System.Globalization.CultureInfo.InvariantCulture) * 60 + double.Parse(minutes[1], System.Globalization.CultureInfo.InvariantCulture);
        }

        private static async Task<Measure> OwnAsync(Func<Task> run)
        {
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await run();
            return new Measure(watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
        }

        private static Task ConvertAsync(string work, string source) =>
            RawImageConverter.ConvertAsync(Path.Combine(work, source), Path.Combine(work, "ours.raw"), force: false, null, CancellationToken.None);

        private static Task BundleAsync(string work, string image)
        {
            string parts = Fresh(work, "parts");
            var options = new PayloadWriteOptions("disk", new byte[16], new byte[16]);
            return PayloadWriter.WriteAsync(Path.Combine(work, image), options, new FilePartSink(parts), null, CancellationToken.None);
        }

        /// <summary>
        /// Runs ours and the baseline in turns, after a sync so that neither is throttled writing back the other's
        /// dirty pages, removing their outputs in between; the best wall and CPU times of each.
        /// </summary>
        private static async Task<(Measure Ours, Measure Baseline)> AlternateAsync(string work, Func<Task<Measure>> ours, Func<Task<Measure>> baseline)
        {
            var best = new[] { new Measure(double.MaxValue, double.MaxValue), new Measure(double.MaxValue, double.MaxValue) };
            for (int round = 0; round < Rounds; round++)
            {
                int i = 0;
                foreach (Func<Task<Measure>> contender in new[] { ours, baseline })
                {
                    Shell("rm -f ours.raw qemu.raw; sync", work);
                    Measure m = await contender();
                    best[i] = new Measure(Math.Min(best[i].Wall, m.Wall), Math.Min(best[i].Cpu, m.Cpu));
                    i++;
                }
            }

            Shell("rm -f ours.raw qemu.raw", work);
            return (best[0], best[1]);
        }

        private readonly record struct Measure(double Wall, double Cpu);
    }
}
