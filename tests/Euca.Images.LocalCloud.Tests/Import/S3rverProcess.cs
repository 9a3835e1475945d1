using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Euca.Images.LocalCloud.Tests.Import;

/// <summary>s3rver (tests/servers, installed with `npm ci` there) on a free loopback port with a fresh data folder.</summary>
internal sealed partial class S3rverProcess : IDisposable
{
    private readonly Process process;

    private S3rverProcess(Process process, string dataDirectory, Uri url)
    {
        this.process = process;
        DataDirectory = dataDirectory;
        Url = url;
    }

    public Uri Url { get; }

    /// <summary>Where s3rver keeps each object as <c>bucket/key._S3rver_object</c> beside its <c>._S3rver_metadata.json</c>.</summary>
    public string DataDirectory { get; }

    [GeneratedRegex(@"S3rver listening on 127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex ReadyLine();

    public static S3rverProcess Start()
    {
        string servers = Path.Combine(RepoRoot(), "tests", "servers");
        if (!File.Exists(Path.Combine(servers, "node_modules", "@20minutes", "s3rver", "package.json")))
        {
            InstallPackages(servers);
        }

        string data = Path.Combine(Path.GetTempPath(), "euca-s3rver-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var info = new ProcessStartInfo("node") { WorkingDirectory = servers, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "start-s3rver.js", "--parent-pid", Environment.ProcessId.ToString(), "-d", data, "-p", "0" })
        {
            info.ArgumentList.Add(argument);
        }

        Process process = Process.Start(info)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        DateTime deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && process.StandardOutput.ReadLine() is string line)
        {
            Match ready = ReadyLine().Match(line);
            if (ready.Success)
            {
                // Keep draining stdout so s3rver never blocks on a full pipe.
                _ = process.StandardOutput.ReadToEndAsync();
                return new S3rverProcess(process, data, new Uri($"http://127.0.0.1:{ready.Groups["port"].Value}/"));
            }
        }

        process.Kill(true);
        throw new InvalidOperationException("s3rver did not start.");
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(true);
            process.WaitForExit(10000);
        }

        process.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>`npm ci` from the committed lock file, as EucaTestServers.psm1 does before Pester (xunit runs first).</summary>
    private static void InstallPackages(string servers)
    {
        var info = new ProcessStartInfo("npm") { WorkingDirectory = servers, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            info.ArgumentList.Add(argument);
        }

        using Process npm = Process.Start(info)!;
        Task<string> errors = npm.StandardError.ReadToEndAsync();
        _ = npm.StandardOutput.ReadToEndAsync();
        if (!npm.WaitForExit(300_000) || npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed in {servers}: {errors.Result}");
        }
    }

    private static string RepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Euca.Images.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Euca.Images.sln not found above the test assembly.");
    }
}
