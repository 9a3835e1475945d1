using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Euca.Images.LocalCloud.Registration;

/// <summary>Reads manifests from an S3-compatible store (s3rver) with path-style addressing, as Eucalyptus' image
/// service reads them from its object storage gateway with the system account.</summary>
public sealed class S3ManifestSource : IManifestSource, IDisposable
{
    private readonly AmazonS3Client client;

    public S3ManifestSource(Uri serviceUrl, string accessKey, string secretKey)
    {
        client = new AmazonS3Client(new BasicAWSCredentials(accessKey, secretKey), new AmazonS3Config
        {
            ServiceURL = serviceUrl.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        });
    }

    public async Task<string?> GetAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            using GetObjectResponse response = await client.GetObjectAsync(bucket, key, cancellationToken);
            using var reader = new StreamReader(response.ResponseStream);
            return await reader.ReadToEndAsync(cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public void Dispose() => client.Dispose();
}
