using System.Security.Cryptography.X509Certificates;

namespace Euca.Images.LocalCloud.State;

/// <summary>A cloud account. Eucalyptus shows the account alias as the image owner alias.</summary>
public sealed class Account(string accountId, string alias, bool isAdmin, IReadOnlyList<AccessKey> accessKeys,
    X509Certificate2? certificate)
{
    public string AccountId { get; } = accountId;

    public string Alias { get; } = alias;

    /// <summary>Administrators (the `eucalyptus` account) see every image and may use the `verbose` pseudo id.</summary>
    public bool IsAdmin { get; } = isAdmin;

    public IReadOnlyList<AccessKey> AccessKeys { get; } = accessKeys;

    /// <summary>The account's X.509 certificate (public part only), used to verify manifest signatures.</summary>
    public X509Certificate2? Certificate { get; } = certificate;
}

/// <summary>An access key pair; a configured session token makes it behave like temporary credentials.</summary>
public sealed record AccessKey(string AccessKeyId, string SecretAccessKey, string? SessionToken);

/// <summary>Who signed the request being served.</summary>
public sealed record CallerIdentity(Account Account, AccessKey Key);
