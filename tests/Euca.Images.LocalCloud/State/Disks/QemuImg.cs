using System.Diagnostics;

namespace Euca.Images.LocalCloud.State.Disks;

/// <summary>
/// Disk format conversion with qemu-img (qemu-utils), as the clouds' own workers convert: AWS exports stream-optimized
/// VMDK, Eucalyptus' imaging worker turns an imported VMDK into the raw volume. An independent tool on purpose: the
/// module's own readers and writers are what the tests check. Without qemu-img the conversion fails with its reason.
/// </summary>
public static class QemuImg
{
    /// <summary>Converts <paramref name="input"/> to <paramref name="output"/>; returns null, or why it failed.</summary>
    public static async Task<string?> ConvertAsync(string inputFormat, string input, string outputFormat, string output, CancellationToken cancellationToken,
        params string[] options)
    {
        var start = new ProcessStartInfo("qemu-img") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { "convert", "-f", inputFormat, "-O", outputFormat }.Concat(options).Concat([input, output]))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using Process process = Process.Start(start)!;
            Task<string> errors = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return process.ExitCode == 0 ? null : $"qemu-img failed: {(await errors).Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"qemu-img is not available: {e.Message}";
        }
    }
}
