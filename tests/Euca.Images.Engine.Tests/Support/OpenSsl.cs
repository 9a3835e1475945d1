using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>Runs the openssl command line, the independent implementation tests check our crypto against.</summary>
    internal static class OpenSsl
    {
        public static byte[] Run(string arguments, byte[]? stdin = null, string? workingDirectory = null)
        {
            var start = new ProcessStartInfo("openssl", arguments)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? Directory.GetCurrentDirectory(),
            };
            using var process = Process.Start(start)!;
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            using var stdout = new MemoryStream();
            Task copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            if (stdin != null) process.StandardInput.BaseStream.Write(stdin, 0, stdin.Length);
            process.StandardInput.Close();
            copy.Wait();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new IOException($"openssl {arguments} failed ({process.ExitCode}): {stderr.Result}");
            }
            return stdout.ToArray();
        }
    }
}
