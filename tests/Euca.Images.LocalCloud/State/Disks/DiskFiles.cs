namespace Euca.Images.LocalCloud.State.Disks;

/// <summary>
/// The bytes of volumes and snapshots, one file per resource id (`vol-….img`, `snap-….img`) in a folder: the state
/// folder's `disks` when the cloud keeps its state, else a temporary folder removed when the host stops. Imports
/// write here and exports read from here, so tests can compare what a registered snapshot holds with its source.
/// Volumes and snapshots made before this existed (the seeded ones) have no file.
/// </summary>
public sealed class DiskFiles(string folder, bool temporary) : IDisposable
{
    public string Folder { get; } = Directory.CreateDirectory(folder).FullName;

    public string PathOf(string resourceId) => Path.Combine(Folder, resourceId + ".img");

    public bool Has(string resourceId) => File.Exists(PathOf(resourceId));

    /// <summary>Gives <paramref name="toId"/> the bytes of <paramref name="fromId"/>, if it has any.</summary>
    public void Copy(string fromId, string toId)
    {
        if (Has(fromId))
        {
            File.Copy(PathOf(fromId), PathOf(toId), overwrite: true);
        }
    }

    /// <summary>A work file (an import in progress) becomes the bytes of a resource.</summary>
    public void Rename(string fromId, string toId)
    {
        if (Has(fromId))
        {
            File.Move(PathOf(fromId), PathOf(toId), overwrite: true);
        }
    }

    public void Delete(string resourceId) => File.Delete(PathOf(resourceId));

    /// <summary>Writes a stream into the file of <paramref name="resourceId"/> from byte <paramref name="offset"/> on;
    /// returns the number of bytes written.</summary>
    public async Task<long> WriteAsync(string resourceId, long offset, Stream source, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(PathOf(resourceId), FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read, 81920, useAsync: true);
        file.Position = offset;
        long before = file.Position;
        await source.CopyToAsync(file, 81920, cancellationToken);
        return file.Position - before;
    }

    public void Dispose()
    {
        if (temporary)
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
