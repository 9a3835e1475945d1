using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State.Migration;

namespace Euca.Images.LocalCloud.Actions.Migration;

/// <summary>CancelExportTask (AWS flavour): an active export of the caller goes `deleting`, and the worker then removes
/// what it wrote and ends it `deleted`. A task that has ended cannot be cancelled (IncorrectState).</summary>
public sealed class CancelExportTaskAction : ICloudAction
{
    public string Name => "CancelExportTask";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    private ActionResponse Execute(ActionContext context)
    {
        string id = context.Parameters.GetRequired("ExportTaskId");
        TaskTable<ExportImageTaskRecord> exports = context.State.MigrationTasks.Exports;
        ExportImageTaskRecord task = exports.Find(id) is { } found && found.OwnerId == context.Account.AccountId
            ? found
            : throw MigrationErrors.ExportTaskNotFound(id);
        ExportImageTaskRecord after = exports.Update(id, t => t.Status == MigrationTaskStates.Active
            ? t with { Status = MigrationTaskStates.Deleting, StatusMessage = "Cancelling" }
            : t)!;
        if (after.Status != MigrationTaskStates.Deleting)
        {
            throw MigrationErrors.NotActive(task.ExportImageTaskId, after.Status);
        }

        return ActionResponse.Ec2(Name, w => w.WriteElementString("return", "true"));
    }
}
