using Euca.Images.LocalCloud.Registration;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Configuration;

/// <summary>The JSON configuration of the local cloud: its certificate, accounts with keys, and seed images.</summary>
public sealed class CloudConfig
{
    /// <summary>The cloud (compute service) certificate and key that bundles are encrypted for.</summary>
    public CertificateFiles CloudCertificate { get; init; } = new();

    public List<AccountConfig> Accounts { get; init; } = [];

    public List<ImageRecord> Images { get; init; } = [];

    public ComputeConfig Compute { get; init; } = new();

    /// <summary>RegisterImage: object storage, size cap, pending delay and id style.</summary>
    public RegistrationSettings Registration { get; init; } = new();
}

/// <summary>A PEM certificate and, optionally, its PEM private key. Relative paths are resolved against the
/// directory of the configuration file (or the server's directory for the embedded default).</summary>
public sealed class CertificateFiles
{
    public string CertificatePath { get; init; } = "";

    public string? PrivateKeyPath { get; init; }
}

public sealed class AccountConfig
{
    public string AccountId { get; init; } = "";

    public string Alias { get; init; } = "";

    public bool IsAdmin { get; init; }

    public List<AccessKeyConfig> AccessKeys { get; init; } = [];

    /// <summary>The account's X.509 certificate: Eucalyptus checks bundle manifest signatures against it.</summary>
    public CertificateFiles? Certificate { get; init; }
}

public sealed class AccessKeyConfig
{
    public string AccessKeyId { get; init; } = "";

    public string SecretAccessKey { get; init; } = "";

    /// <summary>When set, the key behaves like temporary credentials: requests must carry this token.</summary>
    public string? SessionToken { get; init; }
}
