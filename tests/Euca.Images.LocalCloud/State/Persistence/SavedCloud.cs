using Euca.Images.LocalCloud.State.Instances;
using Euca.Images.LocalCloud.State.Migration;
using Euca.Images.LocalCloud.State.Snapshots;

namespace Euca.Images.LocalCloud.State.Persistence;

/// <summary>Everything actions change, as saved in a state folder: images, snapshots, the volumes created or imported,
/// instances with their bundle tasks, conversion tasks, and the VM Import/Export tasks of the AWS flavour. Accounts,
/// keys and certificates come from the configuration at every start.</summary>
public sealed record SavedCloud
{
    /// <summary>Bumped when the shape changes incompatibly; a folder of another version is refused, not misread.</summary>
    public const int CurrentFormat = 1;

    public int Format { get; init; } = CurrentFormat;

    public IReadOnlyList<ImageRecord> Images { get; init; } = [];

    public IReadOnlyList<SnapshotRecord> Snapshots { get; init; } = [];

    public IReadOnlyList<VolumeRecord> Volumes { get; init; } = [];

    public IReadOnlyList<InstanceRecord> Instances { get; init; } = [];

    public IReadOnlyList<BundleTaskRecord> BundleTasks { get; init; } = [];

    public IReadOnlyList<ConversionTaskRecord> ConversionTasks { get; init; } = [];

    /// <summary>Absent from folders written before the AWS flavour kept its tasks: those restore none.</summary>
    public IReadOnlyList<ExportImageTaskRecord> ExportImageTasks { get; init; } = [];

    public IReadOnlyList<ImportSnapshotTaskRecord> ImportSnapshotTasks { get; init; } = [];

    public static SavedCloud Capture(CloudState state) => new()
    {
        Images = state.SnapshotImages(),
        Snapshots = state.Snapshots.SnapshotAll(),
        Volumes = state.Volumes.SnapshotAll(),
        Instances = state.Instances.SnapshotInstances(),
        BundleTasks = state.Instances.SnapshotBundleTasks(),
        ConversionTasks = state.ConversionTasks.Snapshot(),
        ExportImageTasks = state.MigrationTasks.Exports.Snapshot(),
        ImportSnapshotTasks = state.MigrationTasks.SnapshotImports.Snapshot(),
    };

    /// <summary>Puts the saved resources back. An image still pending when the cloud stopped is available now: the
    /// delay that would have made it so has passed.</summary>
    public void RestoreInto(CloudState state)
    {
        state.RestoreImages(Images.Select(i => i.State == ImageStates.Pending ? i with { State = ImageStates.Available } : i));
        foreach (SnapshotRecord snapshot in Snapshots)
        {
            state.Snapshots.Put(snapshot);
        }

        foreach (VolumeRecord volume in Volumes)
        {
            state.Volumes.Put(volume);
        }

        state.Instances.Restore(Instances, BundleTasks);
        foreach (ConversionTaskRecord task in ConversionTasks)
        {
            state.ConversionTasks.Put(task);
        }

        foreach (ExportImageTaskRecord task in ExportImageTasks)
        {
            state.MigrationTasks.Exports.Put(task);
        }

        foreach (ImportSnapshotTaskRecord task in ImportSnapshotTasks)
        {
            state.MigrationTasks.SnapshotImports.Put(task);
        }
    }
}
