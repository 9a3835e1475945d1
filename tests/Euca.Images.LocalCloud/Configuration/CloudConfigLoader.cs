using System.Reflection;
using System.Text.Json;

namespace Euca.Images.LocalCloud.Configuration;

/// <summary>Reads the JSON configuration: a file given with --config, or the embedded default-cloud.json.</summary>
public static class CloudConfigLoader
{
    private const string DefaultResourceName = "default-cloud.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads the configuration and returns it with the directory its relative paths refer to.</summary>
    public static (CloudConfig Config, string BaseDirectory) Load(string? configPath)
    {
        if (configPath is null)
        {
            using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(DefaultResourceName)
                ?? throw new InvalidOperationException($"The embedded resource {DefaultResourceName} is missing.");
            return (Parse(stream, DefaultResourceName), AppContext.BaseDirectory);
        }

        string fullPath = Path.GetFullPath(configPath);
        using FileStream file = File.OpenRead(fullPath);
        return (Parse(file, fullPath), Path.GetDirectoryName(fullPath)!);
    }

    private static CloudConfig Parse(Stream stream, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<CloudConfig>(stream, JsonOptions)
                ?? throw new InvalidDataException($"{source} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} is not a valid cloud configuration: {e.Message}", e);
        }
    }
}
