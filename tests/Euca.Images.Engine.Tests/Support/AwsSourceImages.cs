using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Images.Registration;
using Euca.Images.Engine.Migration;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>An EBS-backed image in the AWS-flavour local cloud, made as a user would make one there: a raw disk
    /// uploaded to the bucket, ImportSnapshot, RegisterImage with the snapshot as root.</summary>
    internal static class AwsSourceImages
    {
        public const string Bucket = "vmie";

        public static async Task<(string ImageId, string SnapshotId)> CreateAsync(CloudConnection aws, int diskBytes)
        {
            var store = ObjectStore.For(aws, null);
            await store.EnsureBucketAsync(Bucket, null, CancellationToken.None);
            string key = "disks/" + Guid.NewGuid().ToString("N") + ".raw";
            byte[] disk = RandomNumberGenerator.GetBytes(diskBytes);
            await store.PutAsync(Bucket, key, () => new MemoryStream(disk), Convert.ToHexString(MD5.HashData(disk)).ToLowerInvariant(), "private", null, CancellationToken.None);

            var imports = new SnapshotImportService(aws);
            SnapshotImportTaskInfo task = await imports.StartAsync(Bucket, key, "source disk", Guid.NewGuid().ToString("N"), CancellationToken.None);
            task = await imports.WaitAsync(task.ImportTaskId, new MigrationWait { PollInterval = TimeSpan.FromMilliseconds(50), Timeout = TimeSpan.FromSeconds(30) }, null, CancellationToken.None);

            ImageInfo image = await new ImageRegistration(aws).RegisterAsync(ImageRegistrationRules.Check(new ImageRegistrationRequest
            {
                Name = "aws-source-" + Guid.NewGuid().ToString("N"),
                Description = "an AWS image to copy",
                SnapshotId = task.SnapshotId,
                RootDeviceName = "/dev/sda1",
                Architecture = "x86_64",
                VirtualizationType = VirtualizationKind.Hvm,
            }), CancellationToken.None);
            return (image.ImageId, task.SnapshotId!);
        }
    }
}
