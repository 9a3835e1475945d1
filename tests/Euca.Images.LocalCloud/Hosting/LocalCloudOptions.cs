using Euca.Images.LocalCloud.Configuration;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Hosting;

/// <summary>How to start a local cloud.</summary>
public sealed record LocalCloudOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>A JSON configuration file; null uses the embedded default-cloud.json.</summary>
    public string? ConfigPath { get; init; }

    /// <summary>A configuration object (tests); wins over <see cref="ConfigPath"/>. Relative certificate paths
    /// resolve against <see cref="ConfigBaseDirectory"/>, or the server's directory.</summary>
    public CloudConfig? Config { get; init; }

    public string? ConfigBaseDirectory { get; init; }

    /// <summary>The clock used to check request dates (tests shift it to provoke RequestExpired).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Stop on SIGTERM/SIGINT: the command-line server wants this, in-process test hosts do not.</summary>
    public bool HandleProcessSignals { get; init; }

    /// <summary>Object storage, zones and import timings (`--object-storage-url` and the import options).</summary>
    public ImportEnvironment Import { get; init; } = new();
}
