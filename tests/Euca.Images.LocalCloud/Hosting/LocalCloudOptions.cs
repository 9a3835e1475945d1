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

    /// <summary>The PEM server certificate for HTTPS; with <see cref="TlsKeyPath"/>. Null serves plain HTTP.</summary>
    public string? TlsCertificatePath { get; init; }

    /// <summary>The PEM private key of <see cref="TlsCertificatePath"/>.</summary>
    public string? TlsKeyPath { get; init; }

    /// <summary>Overrides the configuration's object storage URL (`--object-storage-url`).</summary>
    public string? ObjectStorageUrl { get; init; }

    /// <summary>Overrides the configuration's pending delay in seconds (`--pending-seconds`).</summary>
    public double? PendingSeconds { get; init; }

    /// <summary>Overrides the configuration's image size cap in GB (`--max-image-size-gb`).</summary>
    public double? MaxImageSizeGb { get; init; }

    /// <summary>A manifest source for in-process tests; wins over the object storage URL.</summary>
    public Registration.IManifestSource? ManifestSource { get; init; }

    /// <summary>Stop on SIGTERM/SIGINT: the command-line server wants this, in-process test hosts do not.</summary>
    public bool HandleProcessSignals { get; init; }

    /// <summary>A folder that keeps the cloud's resources between runs (`--state-directory`); null keeps them in memory only.</summary>
    public string? StateDirectory { get; init; }

    /// <summary>Eucalyptus (the default) or AWS (`--flavor aws`): id style and the VM Import/Export actions.</summary>
    public CloudFlavor Flavor { get; init; }

    /// <summary>A cloud certificate and key that replace the configuration's, so a second cloud can play another cloud
    /// (bundles wrapped for another certificate). Absolute paths.</summary>
    public CertificateFiles? CloudCertificate { get; init; }
    /// <summary>A folder whose files are served read-only under `/files/` (`--files-directory`); null serves none.</summary>
    public string? FilesDirectory { get; init; }

    /// <summary>
    /// Cut the first GET of each file under `/files/` off after this many body bytes (`--files-drop-first-after`), as a
    /// flaky mirror does; later GETs of the file are served whole. Null serves every GET whole.
    /// </summary>
    public long? FilesDropFirstAfter { get; init; }

    /// <summary>Object storage, zones and import timings (`--object-storage-url` and the import options).</summary>
    public ImportEnvironment Import { get; init; } = new();
}
