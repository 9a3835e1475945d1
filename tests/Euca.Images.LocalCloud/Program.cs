using Euca.Images.LocalCloud.Hosting;

// The local compute endpoint: prints one readiness line on stdout, errors on stderr, nothing else.
CommandLine commandLine;
try
{
    commandLine = CommandLine.Parse(args);
}
catch (ArgumentException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

try
{
    await using var host = new LocalCloudHost(new LocalCloudOptions
    {
        Port = commandLine.Port,
        ConfigPath = commandLine.ConfigPath,
        TlsCertificatePath = commandLine.TlsCertificatePath,
        TlsKeyPath = commandLine.TlsKeyPath,
        ObjectStorageUrl = commandLine.ObjectStorageUrl,
        PendingSeconds = commandLine.PendingSeconds,
        MaxImageSizeGb = commandLine.MaxImageSizeGb,
        HandleProcessSignals = true,
        Import = commandLine.Import,
        StateDirectory = commandLine.StateDirectory,
        Flavor = commandLine.Flavor,
        CloudCertificate = commandLine.CloudCertificate,
        FilesDirectory = commandLine.FilesDirectory,
        FilesDropFirstAfter = commandLine.FilesDropFirstAfter,
    });
    Uri url = await host.StartAsync();
    Console.Out.WriteLine($"LocalCloud listening on {url}");
    Console.Out.Flush();

    using var stopWatching = new CancellationTokenSource();
    Task watcher = commandLine.ParentPid is int parentPid
        ? ParentProcessWatcher.WatchAsync(parentPid, host.RequestStop, stopWatching.Token)
        : Task.CompletedTask;
    await host.WaitForShutdownAsync();
    await stopWatching.CancelAsync();
    await watcher.ContinueWith(_ => { }, TaskScheduler.Default);
    return 0;
}
catch (Exception e) when (e is IOException or InvalidDataException or System.Security.Cryptography.CryptographicException)
{
    await Console.Error.WriteLineAsync($"LocalCloud failed to start: {e.Message}");
    return 1;
}
