using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Euca.Images.LocalCloud.Auth;
using Euca.Images.LocalCloud.Hosting;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Tests.Import;

/// <summary>s3rver plus two local clouds reading from it: a patient one (long upload timeout) and an impatient
/// one (uploads must arrive within two seconds). Conversion steps run every 50 ms.</summary>
public sealed class ImportCloudFixture : IAsyncLifetime
{
    public const string Zone = "one";

    private S3rverProcess? s3rver;

    public LocalCloudHost Patient { get; private set; } = null!;

    public LocalCloudHost Impatient { get; private set; } = null!;

    public Uri ObjectStorage => s3rver!.Url;

    public async Task InitializeAsync()
    {
        s3rver = S3rverProcess.Start();
        Patient = await StartAsync(TimeSpan.FromHours(3));
        Impatient = await StartAsync(TimeSpan.FromSeconds(2));
        await Storage().PutBucketAsync("imports");
    }

    public async Task DisposeAsync()
    {
        await Patient.DisposeAsync();
        await Impatient.DisposeAsync();
        s3rver?.Dispose();
    }

    /// <summary>The user account's S3RVER key pair works for both services.</summary>
    public AmazonEC2Client Compute(LocalCloudHost host) =>
        LocalCloudFixture.CreateClient(new Uri(host.BaseUrl, "services/compute"), new BasicAWSCredentials("S3RVER", "S3RVER"));

    public AmazonS3Client Storage() => new(new BasicAWSCredentials("S3RVER", "S3RVER"), new AmazonS3Config
    {
        ServiceURL = ObjectStorage.ToString(),
        ForcePathStyle = true,
        RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
        ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        MaxErrorRetry = 0,
    });

    /// <summary>A SigV2 pre-signed URL made with the local cloud's own signer (checked against the S3 guide's vectors).</summary>
    public string Presign(string method, string key, string secret = "S3RVER", string accessKey = "S3RVER", TimeSpan? validFor = null)
    {
        long expires = DateTimeOffset.UtcNow.Add(validFor ?? TimeSpan.FromDays(30)).ToUnixTimeSeconds();
        string resource = "/imports/" + key;
        string signature = SigV2QueryVerifier.Sign(secret, $"{method}\n\n\n{expires}\n{resource}");
        return $"{ObjectStorage.ToString().TrimEnd('/')}{resource}?AWSAccessKeyId={accessKey}&Expires={expires}&Signature={Uri.EscapeDataString(signature)}";
    }

    /// <summary>Leaves an object as s3rver has it in the middle of its PUT: the data written, the metadata file not
    /// yet complete (s3rver then answers HEAD with 500).</summary>
    public void WriteHalfStoredObject(string key, byte[] data)
    {
        string path = Path.Combine([s3rver!.DataDirectory, "imports", .. key.Split('/')]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path + "._S3rver_object", data);
        File.WriteAllText(path + "._S3rver_metadata.json", "{\"content-type\":");
    }

    public async Task PutAsync(string key, byte[] data) =>
        await Storage().PutObjectAsync(new PutObjectRequest { BucketName = "imports", Key = key, InputStream = new MemoryStream(data), UseChunkEncoding = false });

    private async Task<LocalCloudHost> StartAsync(TimeSpan uploadTimeout)
    {
        var host = new LocalCloudHost(new LocalCloudOptions
        {
            Import = new ImportEnvironment
            {
                ObjectStorageUrl = s3rver!.Url,
                ConversionStepInterval = TimeSpan.FromMilliseconds(50),
                UploadTimeout = uploadTimeout,
            },
        });
        await host.StartAsync();
        return host;
    }
}
