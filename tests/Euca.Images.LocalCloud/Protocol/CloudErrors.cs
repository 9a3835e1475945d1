namespace Euca.Images.LocalCloud.Protocol;

/// <summary>The error codes and HTTP statuses EC2 (and Eucalyptus' compute service) answer with.</summary>
public static class CloudErrors
{
    // EC2 answers authentication failures with 401; the SDK does not retry them.
    public static CloudErrorException MissingAuthenticationToken(string message) => new(401, "MissingAuthenticationToken", message);

    public static CloudErrorException AuthFailure(string message) => new(401, "AuthFailure", message);

    public static CloudErrorException RequestExpired(string message) => new(400, "RequestExpired", message);

    public static CloudErrorException InvalidAction(string action) =>
        new(400, "InvalidAction", $"The action {action} is not valid for this web service.");

    public static CloudErrorException MissingAction() =>
        new(400, "MissingAction", "The request must contain the parameter Action.");

    public static CloudErrorException MissingParameter(string name) =>
        new(400, "MissingParameter", $"The request must contain the parameter {name}.");

    public static CloudErrorException InvalidParameterValue(string message) => new(400, "InvalidParameterValue", message);

    public static CloudErrorException InvalidParameterCombination(string message) =>
        new(400, "InvalidParameterCombination", message);

    public static CloudErrorException ImageNotFound(IEnumerable<string> imageIds) =>
        new(400, "InvalidAMIID.NotFound", $"The image id '[{string.Join(", ", imageIds)}]' does not exist");

    /// <summary>Eucalyptus' ClientComputeException("AuthFailure", ...) for requests it understood and refuses (a
    /// manifest of another account, not the owner or an administrator): HTTP 400, unlike credential failures.</summary>
    public static CloudErrorException NotPermitted(string message) => new(400, "AuthFailure", message);

    public static CloudErrorException ImageIdMalformed(string imageId) =>
        new(400, "InvalidAMIID.Malformed", $"Invalid id: \"{imageId}\"");
}
