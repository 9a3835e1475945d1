using System.Globalization;
using System.Xml;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State.Migration;

namespace Euca.Images.LocalCloud.Actions.Migration;

/// <summary>The element names of the EC2 2016-11-15 model for export-image tasks and snapshot task details, as the
/// AWS SDK's unmarshallers read them. `progress` is a string percentage without a % sign.</summary>
public static class MigrationXml
{
    /// <summary>An ExportImageTask item; the ExportImage answer adds diskImageFormat and roleName at the top level.</summary>
    public static void WriteExportTask(XmlWriter w, ExportImageTaskRecord task)
    {
        w.WriteElementString("exportImageTaskId", task.ExportImageTaskId);
        w.WriteElementString("imageId", task.ImageId);
        w.WriteOptional("description", task.Description);
        WriteProgress(w, task.Progress);
        w.WriteElementString("status", task.Status);
        w.WriteOptional("statusMessage", task.StatusMessage);
        w.WriteStartElement("s3ExportLocation");
        w.WriteElementString("s3Bucket", task.S3Bucket);
        w.WriteOptional("s3Prefix", task.S3Prefix);
        w.WriteEndElement();
    }

    /// <summary>An ImportSnapshotTask item: importTaskId, description and the snapshotTaskDetail.</summary>
    public static void WriteImportSnapshotTask(XmlWriter w, ImportSnapshotTaskRecord task)
    {
        w.WriteElementString("importTaskId", task.ImportTaskId);
        w.WriteOptional("description", task.Description);
        w.WriteStartElement("snapshotTaskDetail");
        w.WriteOptional("description", task.DiskDescription);
        w.WriteElementString("diskImageSize", task.DiskImageSize.ToString("0.0##############", CultureInfo.InvariantCulture));
        w.WriteElementString("encrypted", "false");
        w.WriteElementString("format", task.Format);
        WriteProgress(w, task.Progress);
        w.WriteOptional("snapshotId", task.SnapshotId);
        w.WriteElementString("status", task.Status);
        w.WriteOptional("statusMessage", task.StatusMessage);
        w.WriteStartElement("userBucket");
        w.WriteElementString("s3Bucket", task.S3Bucket);
        w.WriteElementString("s3Key", task.S3Key);
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static void WriteProgress(XmlWriter w, int? progress) =>
        w.WriteOptional("progress", progress?.ToString(CultureInfo.InvariantCulture));
}
