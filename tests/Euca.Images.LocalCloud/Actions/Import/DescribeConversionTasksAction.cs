using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Import;

/// <summary>DescribeConversionTasks: the caller's tasks, or the ones named by ConversionTaskId.N.</summary>
public sealed class DescribeConversionTasksAction : ICloudAction
{
    public string Name => "DescribeConversionTasks";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        IReadOnlyList<string> ids = context.Parameters.GetList("ConversionTaskId");
        List<ConversionTaskRecord> owned = context.State.ConversionTasks.Snapshot().Where(t => t.OwnerId == context.Account.AccountId).ToList();
        foreach (string id in ids.Where(id => owned.All(t => t.ConversionTaskId != id)))
        {
            throw ImportErrors.TaskNotFound(id);
        }

        List<ConversionTaskRecord> selected = owned.Where(t => ids.Count == 0 || ids.Contains(t.ConversionTaskId)).ToList();
        return ActionResponse.Ec2(Name, w => w.WriteItemSet("conversionTasks", selected, ConversionTaskXml.Write));
    }
}
