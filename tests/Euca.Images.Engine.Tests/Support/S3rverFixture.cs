using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Configuration;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// A real s3rver on a free loopback port for the storage tests (tests/servers/start-s3rver.js), with a fresh
    /// data directory; stopped and removed when the test collection is done.
    /// </summary>
    public sealed class S3rverFixture : IDisposable
    {
        private readonly Process _process;
        private readonly string _dataDirectory;

        public S3rverFixture()
        {
            string servers = Path.Combine(RepositoryFiles.Root, "tests", "servers");
            if (!File.Exists(Path.Combine(servers, "node_modules", "@20minutes", "s3rver", "package.json")))
            {
                Run("npm", "ci --no-audit --no-fund --loglevel=error", servers);
            }

            _dataDirectory = Path.Combine(Path.GetTempPath(), "euca-s3rver-xunit-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(_dataDirectory);
            var info = new ProcessStartInfo("node") { WorkingDirectory = servers, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in new[] { "start-s3rver.js", "--parent-pid", Environment.ProcessId.ToString(), "-d", _dataDirectory, "-p", "0" })
            {
                info.ArgumentList.Add(argument);
            }

            _process = Process.Start(info)!;
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginErrorReadLine();
            Task<string?> ready = Task.Run(() =>
            {
                string? line;
                while ((line = _process.StandardOutput.ReadLine()) != null)
                {
                    Match match = Regex.Match(line, @"S3rver listening on 127\.0\.0\.1:(\d+)");
                    if (match.Success)
                    {
                        return match.Groups[1].Value;
                    }
                }

                return null;
            });
            if (!ready.Wait(TimeSpan.FromSeconds(30)) || ready.Result == null)
            {
                Dispose();
                throw new InvalidOperationException("s3rver did not start.");
            }

            Port = int.Parse(ready.Result);
            // Keep draining stdout so s3rver never blocks on a full pipe.
            Task.Run(() => _process.StandardOutput.ReadToEnd());
        }

        public int Port { get; }

        public Uri Url => new Uri($"http://127.0.0.1:{Port}/");

        /// <summary>A connection to <paramref name="url"/> (s3rver or a proxy before it) with s3rver's key pair.</summary>
        public static CloudConnection Connect(Uri url, TimeSpan? timeout = null) =>
            Connect(url, new CloudConnectionOptions { ObjectStorageTimeout = timeout ?? TimeSpan.FromSeconds(20) });

        /// <param name="computeUrl">A compute endpoint (a local cloud) for workflows that also register images.</param>
        /// <param name="accessKey">Another account's keys for the local cloud's compute calls (s3rver takes only its own).</param>
        public static CloudConnection Connect(Uri url, CloudConnectionOptions options, Uri? computeUrl = null, string accessKey = "S3RVER", string secretKey = "S3RVER")
        {
            string empty = Path.Combine(Path.GetTempPath(), "no-config-" + Guid.NewGuid().ToString("N"));
            var environment = new ConfigurationEnvironment(new Dictionary<string, string>(), empty, empty, Path.GetTempPath(), Path.GetTempPath());
            CloudSettings settings = CloudSettingsResolver.Resolve(new CloudSettingsRequest
            {
                ObjectStorageUrl = url.ToString(),
                ComputeUrl = computeUrl?.ToString(),
                AccessKey = accessKey,
                SecretKey = secretKey,
                Environment = environment,
            });
            return new CloudConnection(settings, options);
        }

        public CloudConnection Connect(TimeSpan? timeout = null) => Connect(Url, timeout);

        public void Dispose()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit(10000);
                }
            }
            catch (InvalidOperationException)
            {
            }

            _process.Dispose();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private static void Run(string file, string arguments, string directory)
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, UseShellExecute = false })!;
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {arguments} failed in {directory} (exit {process.ExitCode}).");
            }
        }
    }

    [CollectionDefinition(Name)]
    public sealed class S3rverCollection : ICollectionFixture<S3rverFixture>
    {
        public const string Name = "s3rver";
    }
}
