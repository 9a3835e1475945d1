using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Import;

/// <summary>CancelConversionTask: an active task of the caller ends cancelled; uploaded objects stay (the client
/// deletes them, as euca-delete-disk-image does).</summary>
public sealed class CancelConversionTaskAction : ICloudAction
{
    public string Name => "CancelConversionTask";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        string id = context.Parameters.GetRequired("ConversionTaskId");
        ConversionTaskRecord? task = context.State.ConversionTasks.Find(id);
        if (task is null || task.OwnerId != context.Account.AccountId)
        {
            throw ImportErrors.TaskNotFound(id);
        }

        if (task.State != ConversionTaskRecord.Active)
        {
            throw new CloudErrorException(400, "IncorrectState", $"The conversion task {id} is {task.State} and cannot be cancelled.");
        }

        string reason = context.Parameters.Get("ReasonMessage") ?? "Cancelled by the user";
        context.State.ConversionTasks.Update(id, t => t.State == ConversionTaskRecord.Active
            ? t with { State = ConversionTaskRecord.Cancelled, StatusMessage = reason }
            : t);
        return ActionResponse.Ec2(Name, w => w.WriteElementString("return", "true"));
    }
}
