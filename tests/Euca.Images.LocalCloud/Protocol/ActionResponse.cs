using System.Xml;

namespace Euca.Images.LocalCloud.Protocol;

/// <summary>A successful answer: the root element (in its namespace), then &lt;requestId&gt;, then the body the
/// action writes. Body elements are written without a namespace argument so they inherit the root's default.</summary>
public sealed class ActionResponse(string rootElement, string xmlNamespace, Action<XmlWriter> writeBody)
{
    /// <summary>The API version this endpoint speaks; the SDK ignores the namespace but real EC2 sends it.</summary>
    public const string Ec2Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";

    public string RootElement { get; } = rootElement;

    public string XmlNamespace { get; } = xmlNamespace;

    public Action<XmlWriter> WriteBody { get; } = writeBody;

    /// <summary>The EC2 shape: &lt;{Action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"&gt;.</summary>
    public static ActionResponse Ec2(string action, Action<XmlWriter> writeBody) =>
        new(action + "Response", Ec2Namespace, writeBody);
}
