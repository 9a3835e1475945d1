using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Instances;

/// <summary>The errors of the instance actions, with the codes and texts Eucalyptus 4.4 answers
/// (compute/.../VmControl.java, images/ImageManager.java).</summary>
public static class InstanceErrors
{
    public static CloudErrorException InstanceIdMalformed(string instanceId) =>
        new(400, "InvalidInstanceID.Malformed", $"Invalid id: \"{instanceId}\"");

    public static CloudErrorException InstanceNotFound(string instanceId) =>
        new(400, "InvalidInstanceID.NotFound", $"The instance ID '{instanceId}' does not exist");

    public static CloudErrorException BundleIdMalformed(string bundleId) =>
        new(400, "InvalidBundleID.Malformed", $"Invalid id: \"{bundleId}\"");

    public static CloudErrorException BundleTaskNotFound(string bundleId) =>
        new(400, "InvalidBundleID.NotFound", $"Failed to find bundle task: {bundleId}");

    public static CloudErrorException IncorrectInstanceState(string message) => new(400, "IncorrectInstanceState", message);

    public static CloudErrorException IncorrectState(string message) => new(400, "IncorrectState", message);

    public static CloudErrorException ImageNameMalformed() =>
        new(400, "InvalidAMIName.Malformed",
            "AMI names must be between 3 and 128 characters long, and may contain letters, numbers, '(', ')', '.', '-', '/' and '_'");

    public static CloudErrorException ImageNameDuplicate(string name, string imageId) =>
        new(400, "InvalidAMIName.Duplicate", $"AMI name {name} is already in use by EMI {imageId}");

    public static CloudErrorException InvalidBlockDeviceMapping(string message) => new(400, "InvalidBlockDeviceMapping", message);

    /// <summary>Eucalyptus answers an upload policy signed with none of the caller's secret keys with a server
    /// error, not an authentication error (VmControl.bundleInstance).</summary>
    public static CloudErrorException UploadPolicySignerUnknown() =>
        new(500, "InternalError", "Error processing request: unable to find the access key signed the upload policy");
}
