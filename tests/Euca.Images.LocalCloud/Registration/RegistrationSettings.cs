namespace Euca.Images.LocalCloud.Registration;

/// <summary>How RegisterImage behaves; the JSON `registration` section, overridable from the command line.</summary>
public sealed record RegistrationSettings
{
    /// <summary>Object storage holding bundle manifests (s3rver in tests), e.g. http://127.0.0.1:4569/.</summary>
    public string? ObjectStorageUrl { get; init; }

    /// <summary>Eucalyptus' `cloud.images.maximagesizegb` (default 30): larger instance-store images are refused.</summary>
    public double MaxImageSizeGb { get; init; } = 30;

    /// <summary>How long a new image stays `pending` before it becomes `available`.</summary>
    public double PendingSeconds { get; init; } = 1;

    /// <summary>17 hex digits instead of 8 (`cloud.long_identifier_prefixes`; the 5.x default).</summary>
    public bool LongImageIds { get; init; }

    /// <summary>ami-/aki-/ari- instead of emi-/eki-/eri- (5.x's default canonicalizer).</summary>
    public bool AmazonImageIdPrefixes { get; init; }

    /// <summary>The access key pair RegisterImage reads manifests with (Eucalyptus uses its system account).</summary>
    public string ObjectStorageAccessKey { get; init; } = "S3RVER";

    public string ObjectStorageSecretKey { get; init; } = "S3RVER";
}
