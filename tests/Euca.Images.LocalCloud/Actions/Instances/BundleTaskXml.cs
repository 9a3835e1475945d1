using System.Xml;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State.Instances;

namespace Euca.Images.LocalCloud.Actions.Instances;

/// <summary>Writes a bundle task with the element names the AWS SDK's BundleTaskUnmarshaller reads, as its state
/// is at <c>now</c>.</summary>
public static class BundleTaskXml
{
    public static void Write(XmlWriter w, BundleTaskRecord task, BundleTaskView view)
    {
        w.WriteElementString("instanceId", task.InstanceId);
        w.WriteElementString("bundleId", task.BundleId);
        w.WriteElementString("state", view.State);
        w.WriteElementString("startTime", XmlWriterExtensions.FormatTimestamp(task.StartTime));
        w.WriteElementString("updateTime", XmlWriterExtensions.FormatTimestamp(view.UpdateTime));
        w.WriteStartElement("storage");
        w.WriteStartElement("S3");
        w.WriteElementString("bucket", task.Bucket);
        w.WriteElementString("prefix", task.Prefix);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteElementString("progress", view.Progress + "%");
        if (view.ErrorCode is not null)
        {
            w.WriteStartElement("error");
            w.WriteElementString("code", view.ErrorCode);
            w.WriteElementString("message", view.ErrorMessage ?? "");
            w.WriteEndElement();
        }
    }

    /// <summary>The `bundleInstanceTask` element of BundleInstance and CancelBundleTask answers.</summary>
    public static ActionResponse Single(string action, BundleTaskRecord task, BundleTaskView view) =>
        ActionResponse.Ec2(action, w =>
        {
            w.WriteStartElement("bundleInstanceTask");
            Write(w, task, view);
            w.WriteEndElement();
        });
}
