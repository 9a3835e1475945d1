using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State.Migration;

namespace Euca.Images.LocalCloud.Actions.Migration;

/// <summary>DescribeImportSnapshotTasks (AWS flavour): the caller's tasks, or those named by ImportTaskId.N (an unknown
/// one is InvalidConversionTaskId). The filters are `Filters.N` here, unlike DescribeExportImageTasks' `Filter.N`;
/// only `task-state` is served.</summary>
public sealed class DescribeImportSnapshotTasksAction : ICloudAction
{
    public string Name => "DescribeImportSnapshotTasks";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    private ActionResponse Execute(ActionContext context)
    {
        ImportSnapshotTaskRecord[] listed = TaskStateFilter.Select(context, context.State.MigrationTasks.SnapshotImports.Snapshot(), t => t.ImportTaskId, t => t.OwnerId,
            t => t.Status, "ImportTaskId", "Filters", MigrationErrors.ImportTaskNotFound);
        return ActionResponse.Ec2(Name, w => w.WriteItemSet("importSnapshotTaskSet", listed, MigrationXml.WriteImportSnapshotTask));
    }
}
