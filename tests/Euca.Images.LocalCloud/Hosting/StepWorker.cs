namespace Euca.Images.LocalCloud.Hosting;

/// <summary>Runs one step of background work (the imaging worker, VM Import/Export) every interval until the host
/// stops; a failing step is logged to stderr and the next one runs as planned.</summary>
public sealed class StepWorker : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public StepWorker(string name, TimeSpan interval, Func<CancellationToken, Task> step)
    {
        loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                try
                {
                    await step(stop.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    await Console.Error.WriteLineAsync($"LocalCloud: {name} step failed: {e}");
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }
}
