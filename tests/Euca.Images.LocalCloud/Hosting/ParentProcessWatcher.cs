using System.Diagnostics;

namespace Euca.Images.LocalCloud.Hosting;

/// <summary>Stops the server when the process that started it is gone, so a killed build or test run does
/// not leave servers behind.</summary>
internal static class ParentProcessWatcher
{
    public static async Task WatchAsync(int parentPid, Action onExit, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        do
        {
            if (!IsRunning(parentPid))
            {
                onExit();
                return;
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using Process process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
