using System.Text.RegularExpressions;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State.Instances;

namespace Euca.Images.LocalCloud.Actions.Instances;

/// <summary>BundleInstance as Eucalyptus 4.4 VmControl.bundleInstance does it: bucket and prefix names checked,
/// the upload policy's signer looked up among the caller's keys (none: InternalError), then the instance must be
/// the caller's, instance-store and running. An instance that is already being bundled answers with its running
/// task. The policy's content is applied when the task stores the bundle (<see cref="UploadPolicyCheck"/>). The
/// task only reports its states; no bundle is written to object storage.</summary>
public sealed partial class BundleInstanceAction : ICloudAction
{
    public string Name => "BundleInstance";

    public CloudService Service => CloudService.Compute;

    // VmControl.validBucketName, applied to the prefix as well.
    [GeneratedRegex(@"^[a-zA-Z\d.\-_]{3,255}$")]
    private static partial Regex BucketNamePattern();

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken) => Task.FromResult(Execute(context));

    public ActionResponse Execute(ActionContext context)
    {
        string instanceId = InstanceIds.Instance(context.Parameters.GetRequired("InstanceId"));
        string bucket = context.Parameters.GetRequired("Storage.S3.Bucket");
        string prefix = context.Parameters.GetRequired("Storage.S3.Prefix");
        if (!BucketNamePattern().IsMatch(bucket))
        {
            throw CloudErrors.InvalidParameterValue($"Value ({bucket}) for parameter Bucket is invalid.");
        }

        if (!BucketNamePattern().IsMatch(prefix))
        {
            throw CloudErrors.InvalidParameterValue($"Value ({prefix}) for parameter Prefix is invalid.");
        }

        string policy = context.Parameters.GetRequired("Storage.S3.UploadPolicy");
        string signature = context.Parameters.GetRequired("Storage.S3.UploadPolicySignature");
        UploadPolicyCheck.FindSigner(context.Account, policy, signature);
        DateTimeOffset now = context.Time.GetUtcNow();
        string? refusal = UploadPolicyCheck.UploadRefusal(policy, bucket, prefix, now);

        InstanceRecord instance = DescribeInstancesAction.FindOwned(context, instanceId);
        if (instance.IsEbsBacked)
        {
            // Eucalyptus leaves this to the node controller, which cannot bundle a volume; CreateImage is the way.
            throw CloudErrors.InvalidParameterValue($"Instance {instanceId} boots from an EBS volume; use CreateImage to make an image of it.");
        }

        if (instance.State != InstanceStates.Running)
        {
            throw InstanceErrors.IncorrectInstanceState($"Failed to bundle requested vm because it is not currently 'running': {instanceId}");
        }

        TimeSpan step = context.State.Timing.BundleStep;
        BundleTaskRecord task = context.State.Instances.StartBundleTask(
            new BundleTaskRecord
            {
                BundleId = InstanceIds.BundleIdOf(instanceId),
                InstanceId = instanceId,
                OwnerId = instance.OwnerId,
                Bucket = bucket,
                Prefix = prefix,
                StartTime = now,
                UploadRefusal = refusal,
            },
            current => BundleTaskTimeline.At(current, now, step).IsFinished);
        return BundleTaskXml.Single(Name, task, BundleTaskTimeline.At(task, now, step));
    }
}
