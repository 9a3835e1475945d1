using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Amazon.EC2;
using Euca.Images.LocalCloud.Hosting;
using Euca.Images.LocalCloud.Registration;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>A local cloud whose manifests come from memory (tests put signed manifests in), with a short pending
/// delay and a 1 GB size cap; each test uses its own manifest names so tests can share it.</summary>
public sealed class LifecycleCloudFixture : IAsyncLifetime
{
    private readonly LocalCloudHost host;

    public LifecycleCloudFixture()
    {
        host = new LocalCloudHost(new LocalCloudOptions { ManifestSource = Manifests, PendingSeconds = 0.3, MaxImageSizeGb = 1 });
    }

    public InMemoryManifests Manifests { get; } = new();

    public LocalCloudHost Host => host;

    public Uri BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync() => BaseUrl = await host.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    public AmazonEC2Client User() => LocalCloudFixture.CreateClient(new Uri(BaseUrl, "services/compute"), new Amazon.Runtime.BasicAWSCredentials(DefaultKeys.UserAccessKey, DefaultKeys.UserSecret));

    public AmazonEC2Client Admin() => LocalCloudFixture.CreateClient(new Uri(BaseUrl, "services/compute"), new Amazon.Runtime.BasicAWSCredentials(DefaultKeys.AdminAccessKey, DefaultKeys.AdminSecret));

    public AmazonEC2Client Vendor() => LocalCloudFixture.CreateClient(new Uri(BaseUrl, "services/compute"), new Amazon.Runtime.BasicAWSCredentials(DefaultKeys.VendorAccessKey, DefaultKeys.VendorSecret));

    /// <summary>Stores a manifest signed with the user account's key (certs/user-key.pem) and returns its location.</summary>
    public string PutSigned(string key, string user = DefaultKeys.UserAccountId, string machineExtra = "", string imageExtra = "", long size = 1048576, RSA? signer = null, string bucket = "bundles")
    {
        string machine = $"<machine_configuration><architecture>x86_64</architecture>{machineExtra}</machine_configuration>";
        string image = $"<image><name>{key}</name><user>{user}</user>{imageExtra}<size>{size}</size><bundled_size>1000</bundled_size></image>";
        using RSA ownKey = RSA.Create();
        RSA rsa = signer ?? LoadUserKey(ownKey);
        string signature = Convert.ToHexStringLower(rsa.SignData(Encoding.UTF8.GetBytes(machine + image), HashAlgorithmName.SHA1, RSASignaturePadding.Pkcs1));
        Manifests.Objects[bucket + "/" + key] = $"<?xml version=\"1.0\" ?><manifest><version>2007-10-10</version><bundler><name>test</name></bundler>{machine}{image}<signature>{signature}</signature></manifest>";
        return bucket + "/" + key;
    }

    private static RSA LoadUserKey(RSA rsa)
    {
        rsa.ImportFromPem(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "certs", "user-key.pem")));
        return rsa;
    }

    public sealed class InMemoryManifests : IManifestSource
    {
        public ConcurrentDictionary<string, string> Objects { get; } = new(StringComparer.Ordinal);

        public Task<string?> GetAsync(string bucket, string key, CancellationToken cancellationToken) =>
            Task.FromResult(Objects.TryGetValue(bucket + "/" + key, out string? text) ? text : null);
    }
}
