using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State.Migration;

namespace Euca.Images.LocalCloud.Actions.Migration;

/// <summary>CancelImportTask (AWS flavour) for import-snapshot tasks: an active task goes `deleting` (the worker ends it
/// `deleted`); the answer names the previous and the new state. An ended task is IncorrectState.</summary>
public sealed class CancelImportTaskAction : ICloudAction
{
    public string Name => "CancelImportTask";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    private ActionResponse Execute(ActionContext context)
    {
        string id = context.Parameters.GetRequired("ImportTaskId");
        string reason = context.Parameters.Get("CancelReason") ?? "User cancelled task";
        TaskTable<ImportSnapshotTaskRecord> imports = context.State.MigrationTasks.SnapshotImports;
        ImportSnapshotTaskRecord before = imports.Find(id) is { } found && found.OwnerId == context.Account.AccountId
            ? found
            : throw MigrationErrors.ImportTaskNotFound(id);
        ImportSnapshotTaskRecord after = imports.Update(id, t => t.Status == MigrationTaskStates.Active
            ? t with { Status = MigrationTaskStates.Deleting, StatusMessage = reason }
            : t)!;
        if (after.Status != MigrationTaskStates.Deleting)
        {
            throw MigrationErrors.NotActive(id, after.Status);
        }

        return ActionResponse.Ec2(Name, w =>
        {
            w.WriteElementString("importTaskId", id);
            w.WriteElementString("previousState", before.Status);
            w.WriteElementString("state", after.Status);
        });
    }
}
