using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.Runtime;
using Euca.Images.LocalCloud.Hosting;
using Euca.Images.LocalCloud.State;
using Euca.Images.LocalCloud.State.Persistence;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>A cloud started again on the same state folder finds what the last run made; a new folder starts afresh.</summary>
public sealed class StateFolderTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "localcloud-state-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ASecondRunOnTheSameFolderSeesTheImagesAndSnapshotsOfTheFirst()
    {
        string imageId;
        string snapshotId;
        await using (var first = new LocalCloudHost(new LocalCloudOptions { StateDirectory = folder, PendingSeconds = 60 }))
        {
            using AmazonEC2Client ec2 = User(await first.StartAsync());
            imageId = (await ec2.RegisterImageAsync(new RegisterImageRequest
            {
                Name = "kept-image",
                BlockDeviceMappings = [new() { DeviceName = "/dev/sda", Ebs = new EbsBlockDevice { SnapshotId = "snap-3e1d2c4b" } }],
            })).ImageId;
            snapshotId = (await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = "vol-2b3c4d5e" })).Snapshot.SnapshotId;
        }

        await using var second = new LocalCloudHost(new LocalCloudOptions { StateDirectory = folder });
        using AmazonEC2Client again = User(await second.StartAsync());
        Image image = (await again.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = [imageId] })).Images.Single();
        Snapshot snapshot = (await again.DescribeSnapshotsAsync(new DescribeSnapshotsRequest { SnapshotIds = [snapshotId] })).Snapshots.Single();

        Assert.Equal(("kept-image", ImageState.Available), (image.Name, image.State));
        Assert.Equal("vol-2b3c4d5e", snapshot.VolumeId);
        Assert.True(File.Exists(Path.Combine(folder, StateFolder.FileName)));
    }

    [Fact]
    public async Task ChangesAreSavedWhileTheCloudRunsSoAKilledCloudKeepsThem()
    {
        await using var running = new LocalCloudHost(new LocalCloudOptions { StateDirectory = folder });
        using AmazonEC2Client ec2 = User(await running.StartAsync());
        string snapshotId = (await ec2.CreateSnapshotAsync(new CreateSnapshotRequest { VolumeId = "vol-2b3c4d5e" })).Snapshot.SnapshotId;

        string path = Path.Combine(folder, StateFolder.FileName);
        bool saved = false;
        for (int i = 0; i < 40 && !saved; i++)
        {
            await Task.Delay(StateFolder.SaveInterval);
            saved = File.Exists(path) && (await File.ReadAllTextAsync(path)).Contains(snapshotId, StringComparison.Ordinal);
        }

        Assert.True(saved);
    }

    [Fact]
    public async Task ASecondAwsFlavourRunOnTheSameFolderSeesTheExportAndImportTasksOfTheFirst()
    {
        // The worker never steps within the test: the tasks must come back exactly as they were left.
        var options = new LocalCloudOptions
        {
            StateDirectory = folder,
            Flavor = CloudFlavor.Aws,
            PendingSeconds = 0,
            Import = new ImportEnvironment { ConversionStepInterval = TimeSpan.FromHours(1) },
        };
        string exportId;
        string importId;
        await using (var first = new LocalCloudHost(options))
        {
            using AmazonEC2Client ec2 = User(await first.StartAsync());
            string imageId = (await ec2.RegisterImageAsync(new RegisterImageRequest
            {
                Name = "exported-image",
                RootDeviceName = "/dev/sda1",
                BlockDeviceMappings = [new() { DeviceName = "/dev/sda1", Ebs = new EbsBlockDevice { SnapshotId = "snap-3e1d2c4b" } }],
            })).ImageId;
            exportId = (await ec2.ExportImageAsync(new ExportImageRequest
            {
                ImageId = imageId,
                DiskImageFormat = DiskImageFormat.RAW,
                S3ExportLocation = new ExportTaskS3LocationRequest { S3Bucket = "kept", S3Prefix = "exports/" },
            })).ExportImageTaskId;
            importId = (await ec2.ImportSnapshotAsync(new ImportSnapshotRequest
            {
                DiskContainer = new SnapshotDiskContainer { Format = "RAW", UserBucket = new UserBucket { S3Bucket = "kept", S3Key = "disk.raw" } },
            })).ImportTaskId;
            await ec2.CancelImportTaskAsync(new CancelImportTaskRequest { ImportTaskId = importId });
        }

        await using var second = new LocalCloudHost(options);
        using AmazonEC2Client again = User(await second.StartAsync());
        ExportImageTask export = (await again.DescribeExportImageTasksAsync(new DescribeExportImageTasksRequest { ExportImageTaskIds = [exportId] })).ExportImageTasks.Single();
        ImportSnapshotTask import = (await again.DescribeImportSnapshotTasksAsync(new DescribeImportSnapshotTasksRequest { ImportTaskIds = [importId] })).ImportSnapshotTasks.Single();

        Assert.Equal(("active", "validating", "kept", "exports/"), (export.Status, export.StatusMessage, export.S3ExportLocation.S3Bucket, export.S3ExportLocation.S3Prefix));
        Assert.Equal(("deleting", "disk.raw"), (import.SnapshotTaskDetail.Status, import.SnapshotTaskDetail.UserBucket.S3Key));
    }

    [Fact]
    public async Task AFolderOfAnotherFormatIsRefused()
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, StateFolder.FileName), "{ \"format\": 99 }");

        await using var host = new LocalCloudHost(new LocalCloudOptions { StateDirectory = folder });
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => host.StartAsync());

        Assert.Contains("format 99", error.Message);
    }

    private static AmazonEC2Client User(Uri baseUrl) =>
        LocalCloudFixture.CreateClient(new Uri(baseUrl, "services/compute"), new BasicAWSCredentials(DefaultKeys.UserAccessKey, DefaultKeys.UserSecret));
}
