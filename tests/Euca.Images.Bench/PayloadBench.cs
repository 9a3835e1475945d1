using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using static Euca.Images.Bench.BenchCommandLine;

namespace Euca.Images.Bench
{
    /// <summary>
    /// Wall time, output size and peak memory of PayloadWriter/PayloadReader against euca2ools' own shell
    /// pipeline (tar | sha1 tap | gzip -6 | openssl | split), the same with pigz, and the unbundle pipeline.
    /// </summary>
    public static class PayloadBench
    {
        public static async Task<int> RunAsync(string[] args)
        {
            int sizeMiB = BenchCommandLine.IntOption(args, "--size-mib", 1024);
            int sparseGiB = BenchCommandLine.IntOption(args, "--sparse-gib", 8);
            string work = BenchCommandLine.StringOption(args, "--work") ?? Path.Combine("/var/tmp", "euca-bench-" + Environment.ProcessId);
            Directory.CreateDirectory(work);
            string image = Path.Combine(work, "bench.img");
            Console.WriteLine($"work dir {work}; generating {sizeMiB} MiB mixed image (seed 42)...");
            GenerateMixedImage(image, sizeMiB);
            string pigz = BenchCommandLine.Which("pigz");
            string enc = $"openssl enc -e -aes-128-cbc -K {BenchKeys.KeyHex} -iv {BenchKeys.IvHex}";
            string dec = $"openssl enc -d -aes-128-cbc -K {BenchKeys.KeyHex} -iv {BenchKeys.IvHex}";

            var rows = new List<Row>();
            Shell("sync; cat bench.img > /dev/null", work); // same warm page cache for every contender

            string gzipDir = Fresh(work, "gzip");
            double gzipSec = Time($"tar -cf - bench.img | tee >(sha1sum > {gzipDir}/digest) | gzip -6 | {enc} | split -b 10M - {gzipDir}/bench.img.part.", work);
            long gzipBytes = DirBytes(gzipDir, "bench.img.part.");
            rows.Add(new Row("(a) euca2ools pipeline, gzip -6", gzipSec, gzipBytes, null));

            double? pigzSec = null;
            long pigzBytes = 0;
            if (pigz.Length > 0)
            {
                string pigzDir = Fresh(work, "pigz");
                pigzSec = Time($"tar -cf - bench.img | tee >(sha1sum > {pigzDir}/digest) | pigz -6 | {enc} | split -b 10M - {pigzDir}/bench.img.part.", work);
                pigzBytes = DirBytes(pigzDir, "bench.img.part.");
                rows.Add(new Row("(b) same with pigz -6", pigzSec.Value, pigzBytes, null));
            }

            string oursDir = Fresh(work, "ours");
            var (writeSec, writePeak) = Child(work, "write", image, oursDir);
            long oursBytes = DirBytes(oursDir, "bench.img.part.");
            rows.Add(new Row("(c) PayloadWriter", writeSec, oursBytes, writePeak));

            string expanded = Path.Combine(work, "expanded.img");
            var (readSec, readPeak) = Child(work, "read", oursDir, expanded);
            bool readOk = Shell($"cmp bench.img {expanded} && echo same", work).Trim() == "same";
            rows.Add(new Row("(d) PayloadReader to file", readSec, new FileInfo(expanded).Length, readPeak));

            string parts = string.Join(" ", Directory.GetFiles(oursDir, "bench.img.part.*").OrderBy(f => f, StringComparer.Ordinal));
            double shellReadSec = Time($"cat {parts} | {dec} | gzip -dc | tar -xOf - > {work}/expanded-shell.img", work);
            rows.Add(new Row("(e) cat | openssl -d | gzip -dc | tar -xO", shellReadSec, new FileInfo(Path.Combine(work, "expanded-shell.img")).Length, null));
            File.Delete(expanded);
            File.Delete(Path.Combine(work, "expanded-shell.img"));

            string sparse = Path.Combine(work, "sparse.img");
            Shell($"rm -f sparse.img; truncate -s {sparseGiB}G sparse.img; for i in 0 1 2 3 4 5 6 7; do head -c 4M /dev/urandom | dd of=sparse.img bs=1M seek=$((i * {sparseGiB} * 128)) conv=notrunc status=none; done", work);
            string sparseDir = Fresh(work, "sparse");
            var (sparseSec, sparsePeak) = Child(work, "write", sparse, sparseDir);
            rows.Add(new Row($"(f) PayloadWriter, {sparseGiB} GiB sparse", sparseSec, DirBytes(sparseDir, "sparse.img.part."), sparsePeak));
            string sparseOut = Path.Combine(work, "sparse-expanded.img");
            var (sparseReadSec, sparseReadPeak) = Child(work, "read", sparseDir, sparseOut);
            rows.Add(new Row($"(g) PayloadReader, {sparseGiB} GiB sparse", sparseReadSec, new FileInfo(sparseOut).Length, sparseReadPeak));
            File.Delete(sparseOut);

            Console.WriteLine();
            Console.WriteLine($"image {sizeMiB} MiB (1/3 random, 1/3 text, 1/3 zeros, runs of 1-4 MiB); {Environment.ProcessorCount} cores; reader output identical: {readOk}");
            Console.WriteLine($"{"step",-44} {"wall s",8} {"vs gzip",8} {"vs pigz",8} {"out MiB",9} {"size/gzip",9} {"peak MB",8}");
            foreach (Row row in rows)
            {
                string vsGzip = row.Name.StartsWith("(d)") || row.Name.StartsWith("(e)") ? Ratio(shellReadSec, row.Seconds) : Ratio(gzipSec, row.Seconds);
                string vsPigz = pigzSec.HasValue && !row.Name.StartsWith("(d)") && !row.Name.StartsWith("(e)") ? Ratio(pigzSec.Value, row.Seconds) : "";
                string sizeRatio = row.Name.StartsWith("(a)") || row.Name.StartsWith("(b)") || row.Name.StartsWith("(c)") ? (row.OutputBytes / (double)gzipBytes).ToString("0.000", CultureInfo.InvariantCulture) : "";
                Console.WriteLine($"{row.Name,-44} {row.Seconds,8:0.00} {vsGzip,8} {vsPigz,8} {row.OutputBytes / 1048576.0,9:0.0} {sizeRatio,9} {(row.PeakMB.HasValue ? row.PeakMB.Value.ToString("0") : ""),8}");
            }
            Console.WriteLine("ratios are speed-ups (baseline time / this time); (d) is compared with (e).");
            // About 11 GiB (apparent) of images and bundles: a run must not leave them behind.
            Directory.Delete(work, recursive: true);
            return readOk ? 0 : 1;
        }

        private static string Ratio(double baseline, double value) => (baseline / value).ToString("0.00", CultureInfo.InvariantCulture) + "x";

        private sealed record Row(string Name, double Seconds, long OutputBytes, double? PeakMB);

        /// <summary>Interleaved runs of 1-4 MiB: random, English-like text, zeros, from a fixed seed.</summary>
        internal static void GenerateMixedImage(string path, int sizeMiB)
        {
            var random = new Random(42);
            string[] words = "the image bundle part manifest cloud instance volume kernel ramdisk eucalyptus storage walrus node cluster region key digest signature".Split(' ');
            long total = (long)sizeMiB << 20;
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            var buffer = new byte[4 << 20];
            long written = 0;
            int kind = 0;
            while (written < total)
            {
                int run = (int)Math.Min(total - written, random.Next(1, 5) << 20);
                switch (kind++ % 3)
                {
                    case 0:
                        random.NextBytes(buffer.AsSpan(0, run));
                        break;
                    case 1:
                        var text = new StringBuilder(run + 64);
                        while (text.Length < run)
                        {
                            text.Append(words[random.Next(words.Length)]).Append(random.Next(8) == 0 ? ".\n" : " ");
                            if (random.Next(20) == 0) text.Append(random.Next(100000));
                        }
                        Encoding.ASCII.GetBytes(text.ToString(0, run), 0, run, buffer, 0);
                        break;
                    default:
                        Array.Clear(buffer, 0, run);
                        break;
                }
                file.Write(buffer, 0, run);
                written += run;
            }
        }

        private static (double Seconds, double PeakMB) Child(string work, params string[] childArgs)
        {
            ProcessStartInfo info = BenchCommandLine.Self(null, new[] { "--child" }.Concat(childArgs).ToArray());
            info.RedirectStandardOutput = true;
            info.WorkingDirectory = work;
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(info)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            watch.Stop();
            if (process.ExitCode != 0) throw new InvalidOperationException($"child {string.Join(' ', childArgs)} failed: {output}");
            string[] last = output.Trim().Split('\n').Last().Split(' ');
            return (watch.Elapsed.TotalSeconds, long.Parse(last[1]) / 1024.0);
        }

        private static long DirBytes(string dir, string prefix) =>
            Directory.GetFiles(dir, prefix + "*").Sum(f => new FileInfo(f).Length);
    }
}
