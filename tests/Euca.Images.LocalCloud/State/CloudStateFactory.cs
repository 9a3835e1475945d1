using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Euca.Images.LocalCloud.Configuration;
using Euca.Images.LocalCloud.State.Instances;
using Euca.Images.LocalCloud.State.Snapshots;
using Euca.Images.LocalCloud.State.Volumes;

namespace Euca.Images.LocalCloud.State;

/// <summary>Builds the initial <see cref="CloudState"/> from a configuration, checking it the way the cloud
/// would have kept it consistent (12-digit accounts, valid image ids and states, known owners).</summary>
public static partial class CloudStateFactory
{
    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountIdPattern();

    public static CloudState Create(CloudConfig config, string baseDirectory, CloudFlavor flavor = CloudFlavor.Eucalyptus)
    {
        X509Certificate2 cloudCertificate = LoadCertificate(config.CloudCertificate, baseDirectory, withPrivateKey: true);
        List<Account> accounts = config.Accounts.Select(a => CreateAccount(a, baseDirectory)).ToList();
        HashSet<string> accountIds = accounts.Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        foreach (ImageRecord image in config.Images)
        {
            Validate(image, accountIds);
        }

        (InstanceTable instances, IVolumeLookup volumes) = InstanceSeed.Create(config.Compute, accountIds);
        return new CloudState(cloudCertificate, accounts, config.Images)
        {
            Instances = instances,
            Snapshots = SnapshotSeed.Create(config.Compute.Snapshots, accountIds),
            VolumeLookup = volumes,
            Timing = config.Compute.Timing.ToTiming(),
            Flavor = flavor,
            Volumes = new VolumeStore { LongIds = flavor == CloudFlavor.Aws },
        };
    }

    private static Account CreateAccount(AccountConfig config, string baseDirectory)
    {
        if (!AccountIdPattern().IsMatch(config.AccountId))
        {
            throw new InvalidDataException($"Account id '{config.AccountId}' is not 12 digits.");
        }

        if (config.AccessKeys.Count == 0)
        {
            throw new InvalidDataException($"Account {config.AccountId} has no access key.");
        }

        AccessKey[] keys = config.AccessKeys
            .Select(k => new AccessKey(k.AccessKeyId, k.SecretAccessKey, k.SessionToken))
            .ToArray();
        X509Certificate2? certificate = config.Certificate is null
            ? null
            : LoadCertificate(config.Certificate, baseDirectory, withPrivateKey: false);
        return new Account(config.AccountId, config.Alias, config.IsAdmin, keys, certificate);
    }

    private static X509Certificate2 LoadCertificate(CertificateFiles files, string baseDirectory, bool withPrivateKey)
    {
        string certificatePath = Path.Combine(baseDirectory, files.CertificatePath);
        if (!withPrivateKey)
        {
            return X509CertificateLoader.LoadCertificateFromFile(certificatePath);
        }

        string keyPath = Path.Combine(baseDirectory, files.PrivateKeyPath
            ?? throw new InvalidDataException("The cloud certificate needs privateKeyPath."));
        return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
    }

    private static void Validate(ImageRecord image, HashSet<string> accountIds)
    {
        if (ImageIds.Canonicalize(image.ImageId) != image.ImageId)
        {
            throw new InvalidDataException($"Seed image id '{image.ImageId}' is not a canonical image id.");
        }

        if (ImageIds.ImageTypeOf(image.ImageId) != image.ImageType)
        {
            throw new InvalidDataException($"Seed image {image.ImageId} has type {image.ImageType}, its prefix says otherwise.");
        }

        if (!accountIds.Contains(image.OwnerId))
        {
            throw new InvalidDataException($"Seed image {image.ImageId} has unknown owner {image.OwnerId}.");
        }

        if (!ImageStates.IsKnown(image.State))
        {
            throw new InvalidDataException($"Seed image {image.ImageId} has unknown state {image.State}.");
        }
    }
}
