using System;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud.Vocabulary;

namespace Euca.Images.Engine.Instances
{
    internal static class BundleTaskMapper
    {
        public static BundleTaskInfo From(BundleTask task) =>
            new BundleTaskInfo
            {
                BundleId = task.BundleId ?? string.Empty,
                InstanceId = task.InstanceId,
                State = task.State?.Value,
                Progress = CloudPercent.Parse(task.Progress),
                Bucket = task.Storage?.S3?.Bucket,
                Prefix = task.Storage?.S3?.Prefix,
                StartTime = task.StartTime?.ToUniversalTime(),
                UpdateTime = task.UpdateTime?.ToUniversalTime(),
                ErrorCode = task.BundleTaskError?.Code,
                ErrorMessage = task.BundleTaskError?.Message,
            };
    }
}
