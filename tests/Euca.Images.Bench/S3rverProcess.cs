using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace Euca.Images.Bench
{
    /// <summary>
    /// s3rver started the way the tests start it, optionally pinned to some CPUs; stopped (and its data removed with
    /// the work folder) on dispose.
    /// </summary>
    internal sealed class S3rverProcess : IDisposable
    {
        private readonly Process _process;

        private S3rverProcess(Process process, int port)
        {
            _process = process;
            Url = new Uri($"http://127.0.0.1:{port}/");
        }

        public Uri Url { get; }

        public int ProcessId => _process.Id;

        /// <summary>CPU time s3rver (node) has used so far.</summary>
        public TimeSpan CpuTime
        {
            get
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
        }

        /// <param name="cpus">A taskset CPU list to pin the server to, or null to let it use every CPU.</param>
        public static S3rverProcess Start(string dataDirectory, string? cpus = null)
        {
            string servers = Path.Combine(RepoRoot(), "tests", "servers");
            if (!Directory.Exists(Path.Combine(servers, "node_modules")))
            {
                using Process npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error") { WorkingDirectory = servers })!;
                npm.WaitForExit();
                if (npm.ExitCode != 0) throw new InvalidOperationException("npm ci failed in " + servers);
            }

            Directory.CreateDirectory(dataDirectory);
            var info = new ProcessStartInfo(cpus == null ? "node" : "taskset") { WorkingDirectory = servers, RedirectStandardOutput = true, UseShellExecute = false };
            if (cpus != null)
            {
                info.ArgumentList.Add("-c");
                info.ArgumentList.Add(cpus);
                info.ArgumentList.Add("node");
            }

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
