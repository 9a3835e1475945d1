namespace Euca.Images.LocalCloud.State.Migration;

/// <summary>The `status` values of export-image and import-snapshot tasks (AWS documents active, completed,
/// deleting, deleted; a cancelled or failed task ends deleted).</summary>
public static class MigrationTaskStates
{
    public const string Active = "active";
    public const string Completed = "completed";
    public const string Deleting = "deleting";
    public const string Deleted = "deleted";
}
