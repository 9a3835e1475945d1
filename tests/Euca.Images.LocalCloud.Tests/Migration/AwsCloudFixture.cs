using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Euca.Images.LocalCloud.Hosting;
using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.Tests.Import;

namespace Euca.Images.LocalCloud.Tests.Migration;

/// <summary>s3rver plus a local cloud of the AWS flavour reading and writing disk objects there; tasks step every
/// 100 ms. The bucket `vmie` exists.</summary>
public sealed class AwsCloudFixture : IAsyncLifetime
{
    public const string Bucket = "vmie";

    private S3rverProcess? s3rver;

    public LocalCloudHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        s3rver = S3rverProcess.Start();
        Host = new LocalCloudHost(new LocalCloudOptions
        {
            Flavor = CloudFlavor.Aws,
            ObjectStorageUrl = s3rver.Url.ToString(),
            PendingSeconds = 0,
            Import = new ImportEnvironment { ObjectStorageUrl = s3rver.Url, ConversionStepInterval = TimeSpan.FromMilliseconds(100) },
        });
        await Host.StartAsync();
        using AmazonS3Client storage = Storage();
        await storage.PutBucketAsync(Bucket);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        s3rver?.Dispose();
    }

    public AmazonEC2Client Compute() =>
        LocalCloudFixture.CreateClient(new Uri(Host.BaseUrl, "services/compute"), new BasicAWSCredentials("S3RVER", "S3RVER"));

    public AmazonS3Client Storage() => new(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config
    {
        ServiceURL = s3rver!.Url.ToString(),
        ForcePathStyle = true,
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        MaxErrorRetry = 0,
    });

    public async Task PutAsync(string key, byte[] data)
    {
        using AmazonS3Client storage = Storage();
        await storage.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, InputStream = new MemoryStream(data), UseChunkEncoding = false });
    }

    /// <summary>The object's bytes, or null when there is none.</summary>
    public async Task<byte[]?> GetAsync(string key)
    {
        using AmazonS3Client storage = Storage();
        try
        {
            using GetObjectResponse found = await storage.GetObjectAsync(Bucket, key);
            using var copy = new MemoryStream();
            await found.ResponseStream.CopyToAsync(copy);
            return copy.ToArray();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
