using System.Security.Cryptography;
using Amazon.EC2;
using Amazon.EC2.Model;
using Euca.Images.LocalCloud.Hosting;

namespace Euca.Images.LocalCloud.Tests.Migration;

/// <summary>The AWS flavour's VM Import/Export through the AWS SDK: ImportSnapshot makes a snapshot holding the
/// object's bytes, an image registered from it exports to an object with the same bytes, cancels end tasks deleted,
/// and the shapes and ids are AWS's.</summary>
public sealed class VmImportExportTests(AwsCloudFixture cloud) : IClassFixture<AwsCloudFixture>
{
    [Fact]
    public async Task ImportedSnapshotHoldsTheObjectsBytesAndItsImageExportsThemBack()
    {
        byte[] disk = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 512);
        using AmazonEC2Client ec2 = cloud.Compute();
        string snapshotId = await ImportSnapshotAsync(ec2, disk);
        Assert.Matches("^snap-[0-9a-f]{17}$", snapshotId);
        Assert.Equal(disk, await File.ReadAllBytesAsync(cloud.Host.State.Disks.PathOf(snapshotId)));

        string imageId = (await ec2.RegisterImageAsync(new RegisterImageRequest
        {
            Name = "exported-" + Guid.NewGuid().ToString("N"),
            RootDeviceName = "/dev/sda1",
            Architecture = ArchitectureValues.X86_64,
            VirtualizationType = "hvm",
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/sda1", Ebs = new EbsBlockDevice { SnapshotId = snapshotId } }],
        })).ImageId;
        Assert.Matches("^ami-[0-9a-f]{17}$", imageId);

        ExportImageResponse export = await ec2.ExportImageAsync(new ExportImageRequest
        {
            ImageId = imageId,
            DiskImageFormat = DiskImageFormat.RAW,
            S3ExportLocation = new ExportTaskS3LocationRequest { S3Bucket = AwsCloudFixture.Bucket, S3Prefix = "exports/" },
        });
        Assert.Matches("^export-ami-[0-9a-f]{17}$", export.ExportImageTaskId);
        Assert.Equal(("active", "validating", "0"), (export.Status, export.StatusMessage, export.Progress));
        Assert.Equal("RAW", export.DiskImageFormat.Value);

        ExportImageTask done = await WaitAsync(async () => (await ec2.DescribeExportImageTasksAsync(new DescribeExportImageTasksRequest
        {
            ExportImageTaskIds = [export.ExportImageTaskId],
        })).ExportImageTasks.Single(), t => t.Status is "completed" or "deleted");
        Assert.Equal("completed", done.Status);
        Assert.Equal(disk, await cloud.GetAsync($"exports/{export.ExportImageTaskId}.raw"));
    }

    [Fact]
    public async Task CancelledExportEndsDeletedAndLeavesNoObject()
    {
        using AmazonEC2Client ec2 = cloud.Compute();
        string snapshotId = await ImportSnapshotAsync(ec2, RandomNumberGenerator.GetBytes(4096));
        string imageId = (await ec2.RegisterImageAsync(new RegisterImageRequest
        {
            Name = "cancelled-" + Guid.NewGuid().ToString("N"),
            RootDeviceName = "/dev/sda1",
            BlockDeviceMappings = [new BlockDeviceMapping { DeviceName = "/dev/sda1", Ebs = new EbsBlockDevice { SnapshotId = snapshotId } }],
        })).ImageId;
        ExportImageResponse export = await ec2.ExportImageAsync(new ExportImageRequest
        {
            ImageId = imageId,
            DiskImageFormat = DiskImageFormat.RAW,
            S3ExportLocation = new ExportTaskS3LocationRequest { S3Bucket = AwsCloudFixture.Bucket },
        });

        await ec2.CancelExportTaskAsync(new CancelExportTaskRequest { ExportTaskId = export.ExportImageTaskId });

        ExportImageTask? ended = await WaitAsync(async () => (await ec2.DescribeExportImageTasksAsync(new DescribeExportImageTasksRequest
        {
            Filters = [new Filter("task-state", ["deleted"])],
        })).ExportImageTasks?.FirstOrDefault(t => t.ExportImageTaskId == export.ExportImageTaskId), t => t is not null);
        Assert.Equal("deleted", ended?.Status);
        Assert.Null(await cloud.GetAsync($"{export.ExportImageTaskId}.raw"));
        var again = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CancelExportTaskAsync(new CancelExportTaskRequest { ExportTaskId = export.ExportImageTaskId }));
        Assert.Equal("IncorrectState", again.ErrorCode);
    }

    [Fact]
    public async Task ImportTaskAnswersAsAwsDoesAndACancelEndsItDeleted()
    {
        await cloud.PutAsync("slow.raw", RandomNumberGenerator.GetBytes(1024));
        using AmazonEC2Client ec2 = cloud.Compute();
        ImportSnapshotResponse started = await ec2.ImportSnapshotAsync(new ImportSnapshotRequest
        {
            DiskContainer = new SnapshotDiskContainer { Format = "RAW", UserBucket = new UserBucket { S3Bucket = AwsCloudFixture.Bucket, S3Key = "slow.raw" } },
        });
        Assert.Matches("^import-snap-[0-9a-f]{17}$", started.ImportTaskId);
        Assert.Equal(("active", "pending", "3", 0.0), (started.SnapshotTaskDetail.Status, started.SnapshotTaskDetail.StatusMessage, started.SnapshotTaskDetail.Progress, started.SnapshotTaskDetail.DiskImageSize));

        CancelImportTaskResponse cancelled = await ec2.CancelImportTaskAsync(new CancelImportTaskRequest { ImportTaskId = started.ImportTaskId });
        Assert.Equal(("active", "deleting"), (cancelled.PreviousState, cancelled.State));

        ImportSnapshotTask? ended = await WaitAsync(async () => (await ec2.DescribeImportSnapshotTasksAsync(new DescribeImportSnapshotTasksRequest
        {
            Filters = [new Filter("task-state", ["deleted"])],
        })).ImportSnapshotTasks?.FirstOrDefault(t => t.ImportTaskId == started.ImportTaskId), t => t is not null);
        Assert.NotNull(ended);
        Assert.Null(ended.SnapshotTaskDetail.SnapshotId);
    }

    [Fact]
    public async Task ImportOfAMissingObjectEndsDeletedWithAClientError()
    {
        using AmazonEC2Client ec2 = cloud.Compute();
        ImportSnapshotResponse started = await ec2.ImportSnapshotAsync(new ImportSnapshotRequest
        {
            DiskContainer = new SnapshotDiskContainer { Format = "RAW", UserBucket = new UserBucket { S3Bucket = AwsCloudFixture.Bucket, S3Key = "absent.raw" } },
        });

        ImportSnapshotTask ended = await WaitForImportAsync(ec2, started.ImportTaskId);

        Assert.Equal("deleted", ended.SnapshotTaskDetail.Status);
        Assert.StartsWith("ClientError: ", ended.SnapshotTaskDetail.StatusMessage);
    }

    [Fact]
    public async Task RepeatedClientTokenReturnsTheFirstTask()
    {
        await cloud.PutAsync("token.raw", RandomNumberGenerator.GetBytes(512));
        using AmazonEC2Client ec2 = cloud.Compute();
        var request = new ImportSnapshotRequest
        {
            ClientToken = Guid.NewGuid().ToString(),
            DiskContainer = new SnapshotDiskContainer { Format = "RAW", UserBucket = new UserBucket { S3Bucket = AwsCloudFixture.Bucket, S3Key = "token.raw" } },
        };

        string first = (await ec2.ImportSnapshotAsync(request)).ImportTaskId;
        string second = (await ec2.ImportSnapshotAsync(request)).ImportTaskId;

        Assert.Equal(first, second);
        request.DiskContainer.UserBucket.S3Key = "other.raw";
        var mismatch = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.ImportSnapshotAsync(request));
        Assert.Equal("IdempotentParameterMismatch", mismatch.ErrorCode);
    }

    [Fact]
    public async Task EucalyptusFlavourDoesNotKnowTheActions()
    {
        await using var euca = new LocalCloudHost(new LocalCloudOptions());
        Uri url = await euca.StartAsync();
        using AmazonEC2Client ec2 = LocalCloudFixture.CreateClient(new Uri(url, "services/compute"), new Amazon.Runtime.BasicAWSCredentials("S3RVER", "S3RVER"));

        var failure = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeExportImageTasksAsync(new DescribeExportImageTasksRequest()));

        Assert.Equal("InvalidAction", failure.ErrorCode);
    }

    private async Task<string> ImportSnapshotAsync(AmazonEC2Client ec2, byte[] disk)
    {
        string key = "disks/" + Guid.NewGuid().ToString("N") + ".raw";
        await cloud.PutAsync(key, disk);
        ImportSnapshotResponse started = await ec2.ImportSnapshotAsync(new ImportSnapshotRequest
        {
            DiskContainer = new SnapshotDiskContainer { Format = "RAW", UserBucket = new UserBucket { S3Bucket = AwsCloudFixture.Bucket, S3Key = key } },
        });
        ImportSnapshotTask done = await WaitForImportAsync(ec2, started.ImportTaskId);
        Assert.Equal("completed", done.SnapshotTaskDetail.Status);
        Assert.Equal(disk.Length, done.SnapshotTaskDetail.DiskImageSize);
        return done.SnapshotTaskDetail.SnapshotId;
    }

    private static Task<ImportSnapshotTask> WaitForImportAsync(AmazonEC2Client ec2, string importTaskId) =>
        WaitAsync(async () => (await ec2.DescribeImportSnapshotTasksAsync(new DescribeImportSnapshotTasksRequest { ImportTaskIds = [importTaskId] }))
            .ImportSnapshotTasks.Single(), t => t.SnapshotTaskDetail.Status is "completed" or "deleted");

    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            T value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
