using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Payload;

namespace Euca.Images.Bench
{
    /// <summary>
    /// One measured operation in a process of its own, so its peak memory (VmHWM) is its own. Prints
    /// "elapsed-ms peak-kib" on the last line.
    /// </summary>
    public static class PayloadChild
    {
        public static readonly byte[] Key = Convert.FromHexString(BenchKeys.KeyHex);
        public static readonly byte[] Iv = Convert.FromHexString(BenchKeys.IvHex);

        public static async Task<int> RunAsync(string[] args)
        {
            var watch = Stopwatch.StartNew();
            switch (args[1])
            {
                case "write":
                {
                    string image = args[2], outDir = args[3];
                    var options = new PayloadWriteOptions(Path.GetFileName(image), Key, Iv);
                    PayloadResult result = await PayloadWriter.WriteAsync(image, options, new FilePartSink(outDir), null, CancellationToken.None);
                    var record = new ResultRecord(result.ImageDigestSha1, result.ImageSize, result.Parts.Select(p => new PartRecord(p.Index, p.FileName, p.Sha1)).ToArray());
                    File.WriteAllText(Path.Combine(outDir, "result.json"), JsonSerializer.Serialize(record));
                    break;
                }
                case "read":
                {
                    string outDir = args[2], target = args[3];
                    var record = JsonSerializer.Deserialize<ResultRecord>(File.ReadAllText(Path.Combine(outDir, "result.json")))!;
                    var sources = record.Parts.Select(p => PayloadPartSource.FromFile(p.Index, Path.Combine(outDir, p.FileName), p.Sha1)).ToArray();
                    using var writer = ImageFileWriter.Create(target, force: true);
                    await PayloadReader.ReadAsync(sources, Key, Iv, new PayloadExpectation(record.Digest, record.Size), writer.Stream, null, CancellationToken.None);
                    writer.Commit();
                    break;
                }
                default:
                    return 2;
            }
            watch.Stop();
            Console.WriteLine($"{watch.ElapsedMilliseconds} {PeakKiB()}");
            return 0;
        }

        internal static long PeakKiB()
        {
            string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line == null ? Process.GetCurrentProcess().PeakWorkingSet64 / 1024 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        }

        public sealed record PartRecord(int Index, string FileName, string Sha1);

        public sealed record ResultRecord(string Digest, long Size, PartRecord[] Parts);
    }

    public static class BenchKeys
    {
        public const string KeyHex = "00112233445566778899aabbccddeeff";
        public const string IvHex = "0f0e0d0c0b0a09080706050403020100";
    }
}
