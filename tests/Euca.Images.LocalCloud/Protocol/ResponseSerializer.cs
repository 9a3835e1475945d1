using System.Text;
using System.Xml;

namespace Euca.Images.LocalCloud.Protocol;

/// <summary>Turns action answers and errors into the XML documents EC2 sends.</summary>
public static class ResponseSerializer
{
    private static readonly XmlWriterSettings Settings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
    };

    /// <summary>The answer document; an EC2 answer takes the namespace of the request's <paramref name="version"/>.</summary>
    public static byte[] Serialize(ActionResponse response, string requestId, string? version) => Write(writer =>
    {
        writer.WriteStartElement(null, response.RootElement, response.XmlNamespace ?? Ec2Namespace.For(version));
        writer.WriteElementString("requestId", requestId);
        response.WriteBody(writer);
        writer.WriteEndElement();
    });

    /// <summary>The EC2 error document (no namespace; note `RequestID`, not `requestId`).</summary>
    public static byte[] SerializeError(CloudErrorException error, string requestId) => Write(writer =>
    {
        writer.WriteStartElement("Response");
        writer.WriteStartElement("Errors");
        writer.WriteStartElement("Error");
        writer.WriteElementString("Code", error.Code);
        writer.WriteElementString("Message", error.Message);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteElementString("RequestID", requestId);
        writer.WriteEndElement();
    });

    private static byte[] Write(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (XmlWriter writer = XmlWriter.Create(buffer, Settings))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        return buffer.ToArray();
    }
}
