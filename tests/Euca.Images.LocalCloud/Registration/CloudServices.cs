namespace Euca.Images.LocalCloud.Registration;

/// <summary>What actions need beyond the state: the manifest source and the registration settings.</summary>
public sealed class CloudServices(RegistrationSettings settings, IManifestSource? manifests)
{
    public RegistrationSettings Settings { get; } = settings;

    /// <summary>Null when the server was started without object storage: RegisterImage of a manifest then fails.</summary>
    public IManifestSource? Manifests { get; } = manifests;

    public ImageIdGenerator ImageIds { get; } = new(settings.LongImageIds, settings.AmazonImageIdPrefixes);
}
