using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Migration;

/// <summary>The error codes AWS answers the VM Import/Export actions with.</summary>
public static class MigrationErrors
{
    public static CloudErrorException ExportTaskNotFound(string id) =>
        new(400, "InvalidExportTaskID.NotFound", $"The export task ID '{id}' does not exist");

    public static CloudErrorException ImportTaskNotFound(string id) =>
        new(400, "InvalidConversionTaskId", $"The import task ID '{id}' does not exist");

    public static CloudErrorException NotActive(string id, string status) =>
        new(400, "IncorrectState", $"The task {id} is {status} and cannot be cancelled.");

    public static CloudErrorException IdempotentMismatch(string token) =>
        new(400, "IdempotentParameterMismatch", $"The client token '{token}' was used before with different parameters.");

    /// <summary>A format AWS accepts but this local cloud does not convert.</summary>
    public static CloudErrorException FormatNotServed(string format) =>
        new(400, "InvalidParameter", $"The local cloud does not convert {format} disks.");
}
