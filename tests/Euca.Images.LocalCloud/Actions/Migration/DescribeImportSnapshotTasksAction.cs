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
        IReadOnlyList<ImportSnapshotTaskRecord> owned = context.State.MigrationTasks.SnapshotImports.Snapshot()
            .Where(t => t.OwnerId == context.Account.AccountId).ToArray();
        IReadOnlyList<string> ids = context.Parameters.GetList("ImportTaskId");
        IEnumerable<ImportSnapshotTaskRecord> chosen = ids.Count == 0
            ? owned
            : ids.Select(id => owned.FirstOrDefault(t => t.ImportTaskId == id) ?? throw MigrationErrors.ImportTaskNotFound(id));
        IReadOnlyList<string>? states = TaskStateFilter.From(context.Parameters.GetFilters("Filters"));
        ImportSnapshotTaskRecord[] listed = chosen.Where(t => states is null || states.Contains(t.Status)).ToArray();
        return ActionResponse.Ec2(Name, w => w.WriteItemSet("importSnapshotTaskSet", listed, MigrationXml.WriteImportSnapshotTask));
    }
}
