namespace Euca.Images.LocalCloud.Registration;

/// <summary>Where RegisterImage reads bundle manifests from (object storage; tests may serve them from memory).</summary>
public interface IManifestSource
{
    /// <summary>The manifest text, or null when the bucket or key does not exist.</summary>
    Task<string?> GetAsync(string bucket, string key, CancellationToken cancellationToken);
}
