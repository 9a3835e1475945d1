using Euca.Images.LocalCloud.Configuration;
using Euca.Images.LocalCloud.State;
using System.Globalization;

namespace Euca.Images.LocalCloud.Hosting;

/// <summary>`--port N` (0 = free port, the default), `--config PATH`, `--parent-pid PID`; `--object-storage-url URL` (where
/// RegisterImage reads manifests and disk imports read their uploads); for registration `--pending-seconds S` and
/// `--max-image-size-gb G`; for disk imports `--conversion-interval-ms N`, `--import-upload-timeout-seconds N` and
/// `--import-task-expiration-hours N`; for HTTPS both `--tls-certificate PATH` and `--tls-key PATH` (PEM); and
/// `--state-directory PATH` to keep the cloud's resources between runs; `--cloud-certificate PATH` and `--cloud-key PATH`
/// (PEM) to play another cloud, whose bundles are wrapped for another certificate; `--flavor aws|eucalyptus` for the
/// cloud it plays; `--files-directory PATH` to serve that folder's files under `/files/` (catalogs and images for the
/// catalog tests), and `--files-drop-first-after BYTES` to cut the first GET of each of those files off after that many
/// bytes (the resume tests).</summary>
internal sealed record CommandLine(int Port, string? ConfigPath, int? ParentPid, string? TlsCertificatePath, string? TlsKeyPath)
{
    private const string Usage = "Usage: [--port N] [--config PATH] [--parent-pid PID] [--object-storage-url URL] [--pending-seconds S] " +
        "[--max-image-size-gb G] [--conversion-interval-ms N] [--import-upload-timeout-seconds N] [--import-task-expiration-hours N] " +
        "[--tls-certificate PATH --tls-key PATH] [--state-directory PATH] [--cloud-certificate PATH --cloud-key PATH] [--flavor aws|eucalyptus] " +
        "[--files-directory PATH [--files-drop-first-after BYTES]]";

    public string? ObjectStorageUrl { get; init; }

    public double? PendingSeconds { get; init; }

    public double? MaxImageSizeGb { get; init; }

    public ImportEnvironment Import { get; init; } = new();

    public string? StateDirectory { get; init; }

    public CloudFlavor Flavor { get; init; }

    /// <summary>The cloud certificate and key that replace the configuration's (`--cloud-certificate`, `--cloud-key`).</summary>
    public CertificateFiles? CloudCertificate { get; init; }
    public string? FilesDirectory { get; init; }

    public long? FilesDropFirstAfter { get; init; }

    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        int port = 0;
        string? configPath = null;
        int? parentPid = null;
        string? tlsCertificatePath = null;
        string? tlsKeyPath = null;
        string? objectStorageUrl = null;
        double? pendingSeconds = null;
        double? maxImageSizeGb = null;
        string? stateDirectory = null;
        CloudFlavor flavor = CloudFlavor.Eucalyptus;
        string? cloudCertificatePath = null;
        string? cloudKeyPath = null;
        string? filesDirectory = null;
        long? filesDropFirstAfter = null;
        var import = new ImportEnvironment();
        for (int i = 0; i < args.Count; i++)
        {
            string value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--port":
                    port = ParseInt(args[i], value, 0, 65535);
                    break;
                case "--config":
                    configPath = value;
                    break;
                case "--parent-pid":
                    parentPid = ParseInt(args[i], value, 1, int.MaxValue);
                    break;
                case "--tls-certificate":
                    tlsCertificatePath = value;
                    break;
                case "--tls-key":
                    tlsKeyPath = value;
                    break;
                case "--object-storage-url":
                    objectStorageUrl = Uri.TryCreate(value, UriKind.Absolute, out Uri? url) ? value : throw new ArgumentException($"--object-storage-url '{value}' is not an absolute URL.");
                    import = Copy(import, url: url);
                    break;
                case "--pending-seconds":
                    pendingSeconds = ParseDouble(args[i], value);
                    break;
                case "--state-directory":
                    stateDirectory = value;
                    break;
                case "--flavor":
                    flavor = value switch
                    {
                        "aws" => CloudFlavor.Aws,
                        "eucalyptus" => CloudFlavor.Eucalyptus,
                        _ => throw new ArgumentException($"--flavor '{value}' is not aws or eucalyptus."),
                    };
                    break;
                case "--cloud-certificate":
                    cloudCertificatePath = Path.GetFullPath(value);
                    break;
                case "--cloud-key":
                    cloudKeyPath = Path.GetFullPath(value);
                    break;
                case "--files-directory":
                    filesDirectory = Directory.Exists(value) ? Path.GetFullPath(value) : throw new ArgumentException($"--files-directory '{value}' is not a folder.");
                    break;
                case "--files-drop-first-after":
                    filesDropFirstAfter = ParseInt(args[i], value, 0, int.MaxValue);
                    break;
                case "--max-image-size-gb":
                    maxImageSizeGb = ParseDouble(args[i], value);
                    break;
                case "--conversion-interval-ms":
                    import = Copy(import, step: TimeSpan.FromMilliseconds(ParseInt(args[i], value, 1, int.MaxValue)));
                    break;
                case "--import-upload-timeout-seconds":
                    import = Copy(import, uploadTimeout: TimeSpan.FromSeconds(ParseInt(args[i], value, 1, int.MaxValue)));
                    break;
                case "--import-task-expiration-hours":
                    import = Copy(import, expiration: TimeSpan.FromHours(ParseInt(args[i], value, 1, int.MaxValue)));
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}. {Usage}");
            }

            i++;
        }

        if ((tlsCertificatePath is null) != (tlsKeyPath is null))
        {
            throw new ArgumentException($"--tls-certificate and --tls-key go together. {Usage}");
        }

        if ((cloudCertificatePath is null) != (cloudKeyPath is null))
        {
            throw new ArgumentException($"--cloud-certificate and --cloud-key go together. {Usage}");
        }

        return new CommandLine(port, configPath, parentPid, tlsCertificatePath, tlsKeyPath)
        {
            ObjectStorageUrl = objectStorageUrl,
            PendingSeconds = pendingSeconds,
            MaxImageSizeGb = maxImageSizeGb,
            Import = import,
            StateDirectory = stateDirectory,
            Flavor = flavor,
            CloudCertificate = cloudCertificatePath is null ? null : new CertificateFiles { CertificatePath = cloudCertificatePath, PrivateKeyPath = cloudKeyPath },
            FilesDirectory = filesDirectory,
            FilesDropFirstAfter = filesDropFirstAfter,
        };
    }

    private static double ParseDouble(string option, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && parsed >= 0
            ? parsed
            : throw new ArgumentException($"{option} '{value}' is not a non-negative number.");

    private static ImportEnvironment Copy(ImportEnvironment import, Uri? url = null, TimeSpan? step = null, TimeSpan? uploadTimeout = null, TimeSpan? expiration = null) => new()
    {
        ObjectStorageUrl = url ?? import.ObjectStorageUrl,
        AvailabilityZones = import.AvailabilityZones,
        ConversionStepInterval = step ?? import.ConversionStepInterval,
        UploadTimeout = uploadTimeout ?? import.UploadTimeout,
        TaskExpiration = expiration ?? import.TaskExpiration,
    };

    private static int ParseInt(string option, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int parsed) && parsed >= min && parsed <= max
            ? parsed
            : throw new ArgumentException($"{option} '{value}' is not a number from {min} to {max}.");
}
