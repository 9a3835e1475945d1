namespace Euca.Images.LocalCloud.Protocol;

/// <summary>An EC2-style error answer: thrown anywhere while serving a request, written by the pipeline as
/// &lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;... with the given HTTP status.</summary>
public sealed class CloudErrorException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;
}
