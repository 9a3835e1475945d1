using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Import;

/// <summary>Runs <see cref="ConversionProcessor"/> every <see cref="ImportEnvironment.ConversionStepInterval"/>
/// until the host stops.</summary>
public sealed class ConversionWorker : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Task loop;

    public ConversionWorker(CloudState state, TimeProvider time)
    {
        var processor = new ConversionProcessor(state, time, http);
        loop = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(state.Import.ConversionStepInterval);
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                try
                {
                    await processor.StepAllAsync(stop.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    await Console.Error.WriteLineAsync($"LocalCloud: conversion step failed: {e}");
                }
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
        http.Dispose();
    }
}
