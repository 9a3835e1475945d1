using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.Registration;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions;

/// <summary>Everything an action may use: the verified caller, the request parameters and the cloud.</summary>
public sealed class ActionContext(CallerIdentity caller, QueryParameters parameters, CloudState state, TimeProvider time, CloudServices services)
{
    public CallerIdentity Caller { get; } = caller;

    public Account Account => Caller.Account;

    public QueryParameters Parameters { get; } = parameters;

    public CloudState State { get; } = state;

    public TimeProvider Time { get; } = time;

    /// <summary>Scheme, host and port the request was sent to (DescribeRegions answers with this endpoint).</summary>
    public Uri EndpointUrl { get; init; } = new("http://127.0.0.1/");

    /// <summary>Object storage and the registration settings (RegisterImage).</summary>
    public CloudServices Services { get; } = services;
}
