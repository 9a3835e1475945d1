using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions;

/// <summary>One query API action. Adding an action = one class implementing this, plus one line in
/// <see cref="ActionRegistry"/>.</summary>
public interface ICloudAction
{
    /// <summary>The `Action` parameter value, e.g. `DescribeImages`.</summary>
    string Name { get; }

    /// <summary>The Eucalyptus service the action belongs to; it decides which paths serve it.</summary>
    CloudService Service { get; }

    /// <summary>Runs the action for an authenticated caller; errors are thrown as <see cref="CloudErrorException"/>.
    /// Asynchronous because RegisterImage reads the manifest from object storage.</summary>
    Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken);
}

/// <summary>Eucalyptus serves each service at /services/&lt;Name&gt;; the test endpoint also serves all at `/`.</summary>
public enum CloudService
{
    /// <summary>EC2 (`/services/compute`).</summary>
    Compute,

    /// <summary>The Empyrean bootstrap service (`/services/Empyrean`), API version `eucalyptus`.</summary>
    Bootstrap,
}
