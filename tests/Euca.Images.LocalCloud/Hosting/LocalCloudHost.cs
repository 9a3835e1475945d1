using System.Net;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.LocalCloud.Actions;
using Euca.Images.LocalCloud.Actions.Import;
using Euca.Images.LocalCloud.Actions.Migration;
using Euca.Images.LocalCloud.Auth;
using Euca.Images.LocalCloud.Configuration;
using Euca.Images.LocalCloud.Registration;
using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Disks;
using Euca.Images.LocalCloud.State.Persistence;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Euca.Images.LocalCloud.Hosting;

/// <summary>Runs the local cloud on 127.0.0.1, either from the command line (Program) or inside a test.</summary>
public sealed class LocalCloudHost(LocalCloudOptions options) : IAsyncDisposable
{
    private WebApplication? app;
    private X509Certificate2? tlsCertificate;
    private S3ManifestSource? s3Manifests;
    private readonly List<IAsyncDisposable> workers = [];
    private readonly List<IDisposable> resources = [];
    private StateFolder? stateFolder;

    /// <summary>The cloud being served (available after <see cref="StartAsync"/>), for tests to inspect or seed.</summary>
    public CloudState State { get; private set; } = null!;

    /// <summary>`http://127.0.0.1:PORT/`, or `https://127.0.0.1:PORT/` with a TLS certificate.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public async Task<Uri> StartAsync(CancellationToken cancellationToken = default)
    {
        if (app is not null)
        {
            throw new InvalidOperationException("The local cloud is already started.");
        }

        (CloudConfig config, string baseDirectory) = options.Config is { } given
            ? (given, options.ConfigBaseDirectory ?? AppContext.BaseDirectory)
            : CloudConfigLoader.Load(options.ConfigPath);
        if (options.CloudCertificate is { } cloudCertificate)
        {
            config = new CloudConfig
            {
                CloudCertificate = cloudCertificate,
                Accounts = config.Accounts,
                Images = config.Images,
                Compute = config.Compute,
                Registration = config.Registration,
            };
        }

        bool aws = options.Flavor == CloudFlavor.Aws;
        State = CloudStateFactory.Create(config, baseDirectory, options.Flavor);
        State.Disks = options.StateDirectory is { } keptIn
            ? new DiskFiles(Path.Combine(keptIn, "disks"), temporary: false)
            : new DiskFiles(Path.Combine(Path.GetTempPath(), "localcloud-disks-" + Guid.NewGuid().ToString("N")), temporary: true);
        resources.Add(State.Disks);
        stateFolder = options.StateDirectory is { } stateDirectory ? StateFolder.Open(State, stateDirectory) : null;
        tlsCertificate = options.TlsCertificatePath is { } certificatePath
            ? TlsCertificateLoader.Load(certificatePath, options.TlsKeyPath ?? throw new ArgumentException("A TLS certificate needs its key.", nameof(options)))
            : null;

        RegistrationSettings registration = config.Registration with
        {
            ObjectStorageUrl = options.ObjectStorageUrl ?? config.Registration.ObjectStorageUrl,
            PendingSeconds = options.PendingSeconds ?? config.Registration.PendingSeconds,
            MaxImageSizeGb = options.MaxImageSizeGb ?? config.Registration.MaxImageSizeGb,
            // AWS writes ami- ids of 17 hex digits.
            LongImageIds = aws || config.Registration.LongImageIds,
            AmazonImageIdPrefixes = aws || config.Registration.AmazonImageIdPrefixes,
        };
        IManifestSource? manifests = options.ManifestSource;
        if (manifests is null && registration.ObjectStorageUrl is { } storageUrl)
        {
            s3Manifests = new S3ManifestSource(new Uri(storageUrl), registration.ObjectStorageAccessKey, registration.ObjectStorageSecretKey);
            manifests = s3Manifests;
        }

        var services = new CloudServices(registration, manifests);

        State.Import = options.Import;

        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
            {
                if (tlsCertificate is not null)
                {
                    listen.UseHttps(tlsCertificate);
                }
            });
        });
        if (!options.HandleProcessSignals)
        {
            builder.Services.AddSingleton<IHostLifetime, PassiveHostLifetime>();
        }
        else
        {
            builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        }

        app = builder.Build();
        var verifier = new SigV4Verifier(id => State.FindCallerByAccessKey(id)?.Key, options.Time);
        var queryVerifier = new QuerySignatureV2Verifier(id => State.FindCallerByAccessKey(id)?.Key, options.Time);
        var endpoint = new QueryEndpoint(State, ActionRegistry.CreateDefault(options.Flavor), verifier, queryVerifier, options.Time, services);
        if (options.FilesDirectory is { } filesDirectory)
        {
            StaticFilesEndpoint.Map(app, filesDirectory, options.FilesDropFirstAfter);
        }

        app.Run(endpoint.HandleAsync);
        await app.StartAsync(cancellationToken);
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        resources.Add(http);
        var conversion = new ConversionProcessor(State, options.Time, http);
        workers.Add(new StepWorker("conversion", State.Import.ConversionStepInterval, conversion.StepAllAsync));
        if (aws && (registration.ObjectStorageUrl is { } url ? new Uri(url) : State.Import.ObjectStorageUrl) is { } exportStorage)
        {
            var storage = new MigrationStorage(exportStorage, registration.ObjectStorageAccessKey, registration.ObjectStorageSecretKey);
            resources.Add(storage);
            var migration = new MigrationProcessor(State, options.Time, storage);
            workers.Add(new StepWorker("VM Import/Export", State.Import.ConversionStepInterval, migration.StepAllAsync));
        }

        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        string scheme = tlsCertificate is null ? "http" : "https";
        BaseUrl = new Uri($"{scheme}://127.0.0.1:{new Uri(address).Port}/");
        return BaseUrl;
    }

    /// <summary>Asks a running host to stop (for --parent-pid); <see cref="WaitForShutdownAsync"/> then returns.</summary>
    public void RequestStop() => app?.Lifetime.StopApplication();

    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) =>
        app?.WaitForShutdownAsync(cancellationToken) ?? Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (IAsyncDisposable worker in workers)
        {
            await worker.DisposeAsync();
        }

        workers.Clear();

        if (app is not null)
        {
            await app.DisposeAsync();
            app = null;
        }

        if (stateFolder is not null)
        {
            await stateFolder.DisposeAsync();
            stateFolder = null;
        }

        tlsCertificate?.Dispose();
        tlsCertificate = null;
        s3Manifests?.Dispose();
        s3Manifests = null;
        foreach (IDisposable resource in resources)
        {
            resource.Dispose();
        }

        resources.Clear();
    }
}
