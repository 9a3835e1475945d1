using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State.Migration;

namespace Euca.Images.LocalCloud.Actions.Migration;

/// <summary>DescribeExportImageTasks (AWS flavour): the caller's tasks, or those named by ExportImageTaskId.N (an
/// unknown one is InvalidExportTaskID.NotFound). Filter.N `task-state` is served; everything fits one page.</summary>
public sealed class DescribeExportImageTasksAction : ICloudAction
{
    public string Name => "DescribeExportImageTasks";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    private ActionResponse Execute(ActionContext context)
    {
        ExportImageTaskRecord[] listed = TaskStateFilter.Select(context, context.State.MigrationTasks.Exports.Snapshot(), t => t.ExportImageTaskId, t => t.OwnerId,
            t => t.Status, "ExportImageTaskId", "Filter", MigrationErrors.ExportTaskNotFound);
        return ActionResponse.Ec2(Name, w => w.WriteItemSet("exportImageTaskSet", listed, MigrationXml.WriteExportTask));
    }
}
