using System.Security.Cryptography.X509Certificates;
using Euca.Images.LocalCloud.State.Instances;
using Euca.Images.LocalCloud.State.Snapshots;
using Euca.Images.LocalCloud.State.Tags;
using Euca.Images.LocalCloud.State.Volumes;

namespace Euca.Images.LocalCloud.State;

/// <summary>The in-memory cloud: accounts (fixed after start) and images (changed by actions). Thread-safe:
/// requests run concurrently, so image reads return snapshots and writes happen under one lock.</summary>
public sealed class CloudState
{
    private readonly object imageLock = new();
    private readonly Dictionary<string, ImageRecord> images = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallerIdentity> callersByAccessKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Account> accountsById = new(StringComparer.Ordinal);

    public CloudState(X509Certificate2 cloudCertificate, IEnumerable<Account> accounts, IEnumerable<ImageRecord> seedImages)
    {
        CloudCertificate = cloudCertificate;
        foreach (Account account in accounts)
        {
            if (!accountsById.TryAdd(account.AccountId, account))
            {
                throw new InvalidDataException($"Account {account.AccountId} is configured twice.");
            }

            foreach (AccessKey key in account.AccessKeys)
            {
                if (!callersByAccessKey.TryAdd(key.AccessKeyId, new CallerIdentity(account, key)))
                {
                    throw new InvalidDataException($"Access key {key.AccessKeyId} is configured twice.");
                }
            }
        }

        foreach (ImageRecord image in seedImages)
        {
            if (!images.TryAdd(image.ImageId, image))
            {
                throw new InvalidDataException($"Image {image.ImageId} is configured twice.");
            }
        }
    }

    /// <summary>The cloud certificate with its private key: bundles are encrypted for it (image-bundling).</summary>
    public X509Certificate2 CloudCertificate { get; }

    public IReadOnlyCollection<Account> Accounts => accountsById.Values;

    /// <summary>Instances and their bundle tasks.</summary>
    public InstanceTable Instances { get; init; } = new([]);

    public SnapshotTable Snapshots { get; init; } = new();

    /// <summary>Every account's tags (CreateTags, DeleteTags, DescribeTags and the tag filters).</summary>
    public TagTable Tags { get; } = new();

    /// <summary>Where snapshot and image actions look volumes up.</summary>
    public IVolumeLookup VolumeLookup { get; init; } = new SeededVolumeLookup([]);

    public ComputeTiming Timing { get; init; } = new();

    public VolumeStore Volumes { get; init; } = new();

    /// <summary>Eucalyptus or AWS: the id style and which actions are served.</summary>
    public CloudFlavor Flavor { get; init; }

    /// <summary>The bytes of imported volumes and of snapshots (set by the host).</summary>
    public Disks.DiskFiles Disks { get; set; } = null!;

    /// <summary>ExportImage and ImportSnapshot tasks (AWS flavour).</summary>
    public Migration.MigrationTaskStore MigrationTasks { get; } = new();

    /// <summary>
    /// A volume by id, whether it is one of the seeded instances' volumes or one created or imported since: snapshots
    /// of an imported volume are how a disk becomes an EBS-backed image.
    /// </summary>
    public VolumeFacts? FindVolume(string volumeId) =>
        VolumeLookup.Find(volumeId)
        ?? (Volumes.Find(volumeId) is { State: not ("deleting" or "deleted") } created ? new VolumeFacts(created.VolumeId, created.OwnerId, created.Size) : null);

    public ConversionTaskStore ConversionTasks { get; } = new();

    /// <summary>Object storage, zones and timings of disk imports (set by the host from its options).</summary>
    public ImportEnvironment Import { get; set; } = new();

    public CallerIdentity? FindCallerByAccessKey(string accessKeyId) =>
        callersByAccessKey.GetValueOrDefault(accessKeyId);

    public Account? FindAccount(string accountId) => accountsById.GetValueOrDefault(accountId);

    public Account? FindAccountByAlias(string alias) =>
        accountsById.Values.FirstOrDefault(a => string.Equals(a.Alias, alias, StringComparison.Ordinal));

    /// <summary>All images in every state, in id order.</summary>
    public IReadOnlyList<ImageRecord> SnapshotImages()
    {
        lock (imageLock)
        {
            return images.Values.OrderBy(i => i.ImageId, StringComparer.Ordinal).ToArray();
        }
    }

    public ImageRecord? FindImage(string imageId)
    {
        lock (imageLock)
        {
            return images.GetValueOrDefault(imageId);
        }
    }

    /// <summary>Adds the image, or replaces the record with the same id.</summary>
    public void PutImage(ImageRecord image)
    {
        lock (imageLock)
        {
            images[image.ImageId] = image;
        }
    }

    /// <summary>Replaces an image atomically with the result of <paramref name="change"/>; false if absent.</summary>
    public bool UpdateImage(string imageId, Func<ImageRecord, ImageRecord> change)
    {
        lock (imageLock)
        {
            if (!images.TryGetValue(imageId, out ImageRecord? current))
            {
                return false;
            }

            images[imageId] = change(current);
            return true;
        }
    }

    /// <summary>Replaces every image with saved ones (a cloud restarted on its state folder).</summary>
    public void RestoreImages(IEnumerable<ImageRecord> saved)
    {
        lock (imageLock)
        {
            images.Clear();
            foreach (ImageRecord image in saved)
            {
                images[image.ImageId] = image;
            }
        }
    }

    public bool RemoveImage(string imageId)
    {
        lock (imageLock)
        {
            return images.Remove(imageId);
        }
    }
}
