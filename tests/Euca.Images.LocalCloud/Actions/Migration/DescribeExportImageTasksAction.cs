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
        IReadOnlyList<ExportImageTaskRecord> owned = context.State.MigrationTasks.Exports.Snapshot()
            .Where(t => t.OwnerId == context.Account.AccountId).ToArray();
        IReadOnlyList<string> ids = context.Parameters.GetList("ExportImageTaskId");
        IEnumerable<ExportImageTaskRecord> chosen = ids.Count == 0
            ? owned
            : ids.Select(id => owned.FirstOrDefault(t => t.ExportImageTaskId == id) ?? throw MigrationErrors.ExportTaskNotFound(id));
        IReadOnlyList<string>? states = TaskStateFilter.From(context.Parameters.GetFilters());
        ExportImageTaskRecord[] listed = chosen.Where(t => states is null || states.Contains(t.Status)).ToArray();
        return ActionResponse.Ec2(Name, w => w.WriteItemSet("exportImageTaskSet", listed, MigrationXml.WriteExportTask));
    }
}
