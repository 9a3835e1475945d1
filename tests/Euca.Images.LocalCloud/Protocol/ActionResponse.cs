using System.Xml;

namespace Euca.Images.LocalCloud.Protocol;

/// <summary>A successful answer: the root element (in its namespace), then &lt;requestId&gt;, then the body the
/// action writes. Body elements are written without a namespace argument so they inherit the root's default.
/// EC2 answers leave the namespace to the endpoint, which takes it from the request's `Version`
/// (<see cref="Ec2Namespace"/>); other services name theirs.</summary>
public sealed class ActionResponse(string rootElement, string? xmlNamespace, Action<XmlWriter> writeBody)
{
    public string RootElement { get; } = rootElement;

    /// <summary>The namespace of the answer, or null for "the EC2 namespace of the request's Version".</summary>
    public string? XmlNamespace { get; } = xmlNamespace;

    public Action<XmlWriter> WriteBody { get; } = writeBody;

    /// <summary>The EC2 shape: &lt;{Action}Response xmlns="http://ec2.amazonaws.com/doc/{Version}/"&gt;.</summary>
    public static ActionResponse Ec2(string action, Action<XmlWriter> writeBody) =>
        new(action + "Response", null, writeBody);
}
