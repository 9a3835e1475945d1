using Euca.Images.LocalCloud.State;
using System.Globalization;

namespace Euca.Images.LocalCloud.Hosting;

/// <summary>`--port N` (0 = free port, the default), `--config PATH`, `--parent-pid PID`, and for disk imports
/// `--object-storage-url URL`, `--conversion-interval-ms N`, `--import-upload-timeout-seconds N`,
/// `--import-task-expiration-hours N`.</summary>
internal sealed record CommandLine(int Port, string? ConfigPath, int? ParentPid, ImportEnvironment Import)
{
    public static CommandLine Parse(IReadOnlyList<string> args)
    {
        int port = 0;
        string? configPath = null;
        int? parentPid = null;
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
                case "--object-storage-url":
                    import = Copy(import, url: Uri.TryCreate(value, UriKind.Absolute, out Uri? url) ? url : throw new ArgumentException($"--object-storage-url '{value}' is not a URL."));
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
                    throw new ArgumentException($"Unknown option {args[i]}. Usage: [--port N] [--config PATH] [--parent-pid PID] [--object-storage-url URL] " +
                        "[--conversion-interval-ms N] [--import-upload-timeout-seconds N] [--import-task-expiration-hours N]");
            }

            i++;
        }

        return new CommandLine(port, configPath, parentPid, import);
    }

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
