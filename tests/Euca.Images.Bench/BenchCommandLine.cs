using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace Euca.Images.Bench
{
    /// <summary>What the scenarios share about command lines: their options, tools on PATH, and running this program again.</summary>
    internal static class BenchCommandLine
    {
        public static int IntOption(string[] args, string name, int fallback) =>
            StringOption(args, name) is string v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

        public static string? StringOption(string[] args, string name)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        /// <summary>The full path of a tool on PATH, or an empty string when there is none.</summary>
        public static string Which(string tool)
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                string candidate = Path.Combine(dir, tool);
                if (File.Exists(candidate)) return candidate;
            }

            return string.Empty;
        }

        /// <summary>Wall seconds of a bash command line.</summary>
        public static double Time(string command, string work)
        {
            var watch = Stopwatch.StartNew();
            Shell(command, work);
            return watch.Elapsed.TotalSeconds;
        }

        /// <summary>Runs a bash command line (pipefail) in <paramref name="work"/> and returns its output; fails on a non-zero exit.</summary>
        public static string Shell(string command, string work)
        {
            var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, WorkingDirectory = work };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("set -eo pipefail; " + command);
            using var process = Process.Start(info)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) throw new InvalidOperationException($"'{command}' failed with {process.ExitCode}");
            return output;
        }

        /// <summary>An empty folder <paramref name="name"/> in <paramref name="work"/>.</summary>
        public static string Fresh(string work, string name)
        {
            string dir = Path.Combine(work, name);
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
            Directory.CreateDirectory(dir);
            return dir;
        }

        /// <summary>This benchmark program again, with the arguments; under taskset when CPUs are given.</summary>
        public static ProcessStartInfo Self(string? cpus, params string[] args)
        {
            var info = new ProcessStartInfo(cpus == null ? Environment.ProcessPath! : "taskset") { UseShellExecute = false };
            if (cpus != null)
            {
                info.ArgumentList.Add("-c");
                info.ArgumentList.Add(cpus);
                info.ArgumentList.Add(Environment.ProcessPath!);
            }

            // Run as `dotnet Euca.Images.Bench.dll`, the program is the dll, not the host.
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            {
                info.ArgumentList.Add(typeof(BenchCommandLine).Assembly.Location);
            }

            foreach (string a in args)
            {
                info.ArgumentList.Add(a);
            }

            return info;
        }

        /// <summary>Runs this program again with the arguments (a peak-memory child) and returns the KiB it prints last, in MiB.</summary>
        public static async Task<double> PeakChildMiBAsync(params string[] args)
        {
            ProcessStartInfo info = Self(null, args);
            info.RedirectStandardOutput = true;
            using Process child = Process.Start(info)!;
            string output = await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            if (child.ExitCode != 0) throw new InvalidOperationException($"{args[0]} child failed: " + output);
            return long.Parse(output.Trim().Split('\n').Last(), CultureInfo.InvariantCulture) / 1024.0;
        }
    }
}
