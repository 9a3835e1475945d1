using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Migration;

namespace Euca.Images.LocalCloud.Actions.Migration;

/// <summary>
/// ImportSnapshot (AWS flavour): a RAW disk object (`DiskContainer.UserBucket.S3Bucket`/`S3Key`) becomes a task whose
/// first answer is `active`, `pending`, progress 3, diskImageSize 0.0, as AWS's guide shows; the worker reads the
/// object and makes the snapshot. A repeated ClientToken returns the first task (or IdempotentParameterMismatch).
/// </summary>
public sealed class ImportSnapshotAction : ICloudAction
{
    private static readonly string[] Formats = ["RAW", "VMDK", "VHD", "VHDX"];

    public string Name => "ImportSnapshot";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    private ActionResponse Execute(ActionContext context)
    {
        QueryParameters p = context.Parameters;
        string format = (p.Get("DiskContainer.Format") ?? "RAW").ToUpperInvariant();
        if (!Formats.Contains(format))
        {
            throw CloudErrors.InvalidParameterValue($"Value ({format}) for parameter DiskContainer.Format is invalid.");
        }

        if (format != "RAW")
        {
            throw MigrationErrors.FormatNotServed(format);
        }

        if (p.Get("DiskContainer.Url") is not null)
        {
            throw CloudErrors.InvalidParameterValue("The local cloud reads disks from DiskContainer.UserBucket only, not from a URL.");
        }

        var task = new ImportSnapshotTaskRecord
        {
            ImportTaskId = ResourceIds.New("import-snap", longId: true),
            OwnerId = context.Account.AccountId,
            Description = p.Get("Description"),
            DiskDescription = p.Get("DiskContainer.Description"),
            Format = format,
            S3Bucket = p.GetRequired("DiskContainer.UserBucket.S3Bucket"),
            S3Key = p.GetRequired("DiskContainer.UserBucket.S3Key"),
            ClientToken = p.Get("ClientToken"),
        };
        ImportSnapshotTaskRecord? earlier = task.ClientToken is null ? null
            : context.State.MigrationTasks.SnapshotImports.Snapshot().FirstOrDefault(t => t.OwnerId == task.OwnerId && t.ClientToken == task.ClientToken);
        if (earlier is not null && (earlier.S3Bucket != task.S3Bucket || earlier.S3Key != task.S3Key))
        {
            throw MigrationErrors.IdempotentMismatch(task.ClientToken!);
        }

        if (earlier is null)
        {
            context.State.MigrationTasks.SnapshotImports.Add(task);
        }

        ImportSnapshotTaskRecord answer = earlier ?? task;
        return ActionResponse.Ec2(Name, w => MigrationXml.WriteImportSnapshotTask(w, answer));
    }
}
