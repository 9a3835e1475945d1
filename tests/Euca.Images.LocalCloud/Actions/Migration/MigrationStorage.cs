using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace Euca.Images.LocalCloud.Actions.Migration;

/// <summary>The object store (s3rver) as VM Import/Export's service role reaches it: path-style, with the key pair
/// the registration settings name. Bytes stream between objects and disk files, never whole in memory.</summary>
public sealed class MigrationStorage(Uri serviceUrl, string accessKey, string secretKey) : IDisposable
{
    private readonly AmazonS3Client client = new(new BasicAWSCredentials(accessKey, secretKey), new AmazonS3Config
    {
        ServiceURL = serviceUrl.ToString(),
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 0,
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
    });

    public async Task PutFileAsync(string bucket, string key, string path, CancellationToken cancellationToken) =>
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = path, UseChunkEncoding = false }, cancellationToken);

    /// <summary>Opens the object's body, or returns null with the HTTP status when it cannot be read.</summary>
    public async Task<(GetObjectResponse? Object, HttpStatusCode Status)> OpenAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            GetObjectResponse response = await client.GetObjectAsync(bucket, key, cancellationToken);
            return (response, response.HttpStatusCode);
        }
        catch (AmazonS3Exception e)
        {
            return (null, e.StatusCode);
        }
    }

    public async Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteObjectAsync(bucket, key, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            // The bucket is gone: nothing of the task is left to remove.
        }
    }

    public void Dispose() => client.Dispose();
}
