using System;
using System.Diagnostics;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>Runs a bash command line (for interop with tar, gzip, openssl, python3).</summary>
    public static class Shell
    {
        public static string Run(string command, string? workingDirectory = null)
        {
            var info = new ProcessStartInfo("bash", new[] { "-c", "set -euo pipefail; " + command })
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
            };
            using var process = Process.Start(info)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"'{command}' exited with {process.ExitCode}: {stderr.Result}");
            }
            return stdout;
        }
    }
}
