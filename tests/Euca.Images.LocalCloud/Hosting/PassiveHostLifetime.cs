using Microsoft.Extensions.Hosting;

namespace Euca.Images.LocalCloud.Hosting;

/// <summary>A host lifetime that ignores process signals, for clouds hosted inside a test process: the test
/// runner owns Ctrl+C, and several clouds may run side by side.</summary>
internal sealed class PassiveHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
