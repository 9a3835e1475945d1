using System.Text.Json;

namespace Euca.Images.LocalCloud.State.Persistence;

/// <summary>
/// Keeps a local cloud's resources in a folder (`cloud-state.json`) so that a cloud started again on the same folder
/// finds the images, snapshots, volumes, instances and tasks of the last run, as a real cloud would. The file is
/// rewritten whenever the state changed (checked every <see cref="SaveInterval"/>, so work that background timers
/// do is saved too) and once more when the cloud stops; each write goes to a temporary file that then replaces the
/// old one, so a killed cloud leaves the last complete state, never half a file.
/// </summary>
public sealed class StateFolder : IAsyncDisposable
{
    public const string FileName = "cloud-state.json";
    public static readonly TimeSpan SaveInterval = TimeSpan.FromMilliseconds(250);

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private readonly CloudState state;
    private readonly string path;
    private readonly CancellationTokenSource stop = new();
    private readonly SemaphoreSlim writing = new(1, 1);
    private Task loop = Task.CompletedTask;
    private string? lastSaved;

    private StateFolder(CloudState state, string directory)
    {
        this.state = state;
        path = Path.Combine(directory, FileName);
    }

    /// <summary>Creates the folder if needed, restores what it holds into <paramref name="state"/>, and starts saving.</summary>
    public static StateFolder Open(CloudState state, string directory)
    {
        Directory.CreateDirectory(directory);
        var folder = new StateFolder(state, directory);
        if (File.Exists(folder.path))
        {
            folder.lastSaved = File.ReadAllText(folder.path);
            Read(folder.lastSaved, folder.path).RestoreInto(state);
        }

        folder.loop = folder.SaveLoopAsync();
        return folder;
    }

    /// <summary>Writes the state now if it changed since the last write.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken = default)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            string json = JsonSerializer.Serialize(SavedCloud.Capture(state), JsonOptions);
            if (json == lastSaved)
            {
                return;
            }

            string temporary = path + ".tmp";
            await File.WriteAllTextAsync(temporary, json, cancellationToken);
            File.Move(temporary, path, overwrite: true);
            lastSaved = json;
        }
        finally
        {
            writing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop.ContinueWith(_ => { }, TaskScheduler.Default);
        await SaveAsync();
        stop.Dispose();
        writing.Dispose();
    }

    private static SavedCloud Read(string json, string source)
    {
        SavedCloud saved;
        try
        {
            saved = JsonSerializer.Deserialize<SavedCloud>(json, JsonOptions) ?? throw new InvalidDataException($"{source} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source} is not a saved local cloud: {e.Message}", e);
        }

        return saved.Format == SavedCloud.CurrentFormat
            ? saved
            : throw new InvalidDataException($"{source} was written in format {saved.Format}; this local cloud reads format {SavedCloud.CurrentFormat}. Start it with a new folder or wipe this one.");
    }

    private async Task SaveLoopAsync()
    {
        using var timer = new PeriodicTimer(SaveInterval);
        while (await timer.WaitForNextTickAsync(stop.Token))
        {
            try
            {
                await SaveAsync(stop.Token);
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"LocalCloud: saving the state to {path} failed: {e.Message}");
            }
        }
    }
}
