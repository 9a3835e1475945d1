using Amazon.EC2;
using Amazon.EC2.Model;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Tests.Import;

/// <summary>Import tasks through the AWS SDK against a local cloud that reads the upload from s3rver.</summary>
public sealed class ConversionTaskTests(ImportCloudFixture cloud) : IClassFixture<ImportCloudFixture>
{
    [Fact]
    public async Task CompletedImportVolumeReadsEveryPartAndMakesTheVolume()
    {
        using AmazonEC2Client ec2 = cloud.Compute(cloud.Patient);
        var import = new ImportScenario(cloud, 2500);

        ConversionTask created = await import.ImportVolumeAsync(ec2);
        await import.UploadManifestAsync();
        await import.UploadPartsAsync();
        ConversionTask done = await ImportScenario.WaitAsync(ec2, created.ConversionTaskId, t => t.State != ConversionTaskState.Active);

        Assert.Matches("^import-vol-[0-9a-f]{8}$", created.ConversionTaskId);
        Assert.Equal(ConversionTaskState.Active, created.State);
        Assert.Equal(ConversionTaskState.Completed, done.State);
        Assert.Equal(2500, done.ImportVolume.BytesConverted);
        Assert.Equal((DiskImageFormat.RAW, 2500L), (done.ImportVolume.Image.Format, done.ImportVolume.Image.Size));
        Assert.Equal(("scenario", ImportCloudFixture.Zone), (done.ImportVolume.Description, done.ImportVolume.AvailabilityZone));
        Assert.Matches("^vol-[0-9a-f]{8}$", done.ImportVolume.Volume.Id);
        Assert.True(DateTime.Parse(done.ExpirationTime).ToUniversalTime() > DateTime.UtcNow.AddDays(6.9));
        Volume volume = (await ec2.DescribeVolumesAsync(new DescribeVolumesRequest { VolumeIds = [done.ImportVolume.Volume.Id] })).Volumes.Single();
        Assert.Equal((1, ImportCloudFixture.Zone, VolumeState.Available), (volume.Size, volume.AvailabilityZone, volume.State));
    }

    [Fact]
    public async Task MissingPartKeepsTheTaskWaitingUntilItArrives()
    {
        using AmazonEC2Client ec2 = cloud.Compute(cloud.Patient);
        var import = new ImportScenario(cloud, 2500);
        ConversionTask created = await import.ImportVolumeAsync(ec2);
        await import.UploadManifestAsync();
        await import.UploadPartsAsync([0, 2]);

        // The worker may still report the check it made before parts 0 and 2 arrived; wait for the one after.
        ConversionTask waiting = await ImportScenario.WaitAsync(ec2, created.ConversionTaskId, t => t.StatusMessage.Contains("1 of 3 parts are missing"));
        await import.UploadPartsAsync([1]);
        ConversionTask done = await ImportScenario.WaitAsync(ec2, created.ConversionTaskId, t => t.State != ConversionTaskState.Active);

        Assert.Equal(ConversionTaskState.Active, waiting.State);
        Assert.Contains("1 of 3 parts are missing or short (first: part 1 is missing)", waiting.StatusMessage);
        Assert.Equal(ConversionTaskState.Completed, done.State);
    }

    [Fact]
    public async Task PartStillBeingStoredIsWaitedFor()
    {
        using AmazonEC2Client ec2 = cloud.Compute(cloud.Patient);
        var import = new ImportScenario(cloud, 2500);
        ConversionTask created = await import.ImportVolumeAsync(ec2);
        await import.UploadManifestAsync();
        await import.UploadPartsAsync([0, 2]);
        cloud.WriteHalfStoredObject(import.PartKey(1), import.PartBytes(1));

        ConversionTask waiting = await ImportScenario.WaitAsync(ec2, created.ConversionTaskId, t => t.StatusMessage.Contains("could not be checked"));
        await import.UploadPartsAsync([1]);
        ConversionTask done = await ImportScenario.WaitAsync(ec2, created.ConversionTaskId, t => t.State != ConversionTaskState.Active);

        Assert.Equal(ConversionTaskState.Active, waiting.State);
        Assert.Contains($"1 of 3 parts are missing or short (first: part 1 ({import.PartKey(1)}) could not be checked (HTTP 500))", waiting.StatusMessage);
        Assert.Equal(ConversionTaskState.Completed, done.State);
    }

    [Fact]
    public async Task UploadThatNeverCompletesFailsAfterTheUploadTimeout()
    {
        using AmazonEC2Client ec2 = cloud.Compute(cloud.Impatient);
        var import = new ImportScenario(cloud, 2500);
        ConversionTask created = await import.ImportVolumeAsync(ec2);
        await import.UploadManifestAsync();
        await import.UploadPartsAsync([0]);

        ConversionTask failed = await ImportScenario.WaitAsync(ec2, created.ConversionTaskId, t => t.State != ConversionTaskState.Active);

        Assert.Equal(ConversionTaskState.Cancelled, failed.State);
        Assert.Contains("Timed out waiting for the upload: 2 of 3 parts are missing or short", failed.StatusMessage);
    }

    [Theory]
    [InlineData("GET", "wrong-secret", 30, "SignatureDoesNotMatch")]
    [InlineData("HEAD", "S3RVER", -1, "expired")]
    [InlineData("DELETE", "wrong-secret", 30, "SignatureDoesNotMatch")]
    public async Task BadPartUrlFailsTheTask(string method, string secret, int validDays, string reason)
    {
        using AmazonEC2Client ec2 = cloud.Compute(cloud.Patient);
        var import = new ImportScenario(cloud, 1500);
        import.UrlOverrides[(1, method)] = cloud.Presign(method, import.PartKey(1), secret, validFor: TimeSpan.FromDays(validDays));
        ConversionTask created = await import.ImportVolumeAsync(ec2);
        await import.UploadManifestAsync();
        await import.UploadPartsAsync();

        ConversionTask failed = await ImportScenario.WaitAsync(ec2, created.ConversionTaskId, t => t.State != ConversionTaskState.Active);

        Assert.Equal(ConversionTaskState.Cancelled, failed.State);
        Assert.Contains("part 1", failed.StatusMessage);
        Assert.Contains(reason, failed.StatusMessage);
    }

    [Fact]
    public async Task PartSignedWithAnotherAccountsKeyFailsTheTask()
    {
        using AmazonEC2Client ec2 = cloud.Compute(cloud.Patient);
        var import = new ImportScenario(cloud, 1500);
        import.UrlOverrides[(0, "GET")] = cloud.Presign("GET", import.PartKey(0), DefaultKeys.VendorSecret, DefaultKeys.VendorAccessKey);
        ConversionTask created = await import.ImportVolumeAsync(ec2);
        await import.UploadManifestAsync();
        await import.UploadPartsAsync();

        ConversionTask failed = await ImportScenario.WaitAsync(ec2, created.ConversionTaskId, t => t.State != ConversionTaskState.Active);

        Assert.Contains($"not a key of account {DefaultKeys.UserAccountId}", failed.StatusMessage);
    }

    [Fact]
    public async Task PartThatStaysShortFailsTheTask()
    {
        using AmazonEC2Client ec2 = cloud.Compute(cloud.Impatient);
        var import = new ImportScenario(cloud, 2500);
        ConversionTask created = await import.ImportVolumeAsync(ec2);
        await import.UploadManifestAsync();
        await import.UploadPartsAsync([0, 2]);
        await cloud.PutAsync(import.PartKey(1), import.PartBytes(1)[..900]);

        ConversionTask failed = await ImportScenario.WaitAsync(ec2, created.ConversionTaskId, t => t.State != ConversionTaskState.Active);

        Assert.Equal(ConversionTaskState.Cancelled, failed.State);
        Assert.Contains("Timed out waiting for the upload: 1 of 3 parts are missing or short", failed.StatusMessage);
        Assert.Contains($"part 1 ({import.PartKey(1)}) is 900 bytes; the manifest says 1000", failed.StatusMessage);
    }

    [Fact]
    public async Task ManifestThatStaysUnparsableFailsTheTask()
    {
        using AmazonEC2Client ec2 = cloud.Compute(cloud.Impatient);
        var import = new ImportScenario(cloud, 1500);
        ConversionTask created = await import.ImportVolumeAsync(ec2);
        await cloud.PutAsync(import.ManifestKey, "<manifest><version>2010-11-15</version></manifest>"u8.ToArray());

        ConversionTask failed = await ImportScenario.WaitAsync(ec2, created.ConversionTaskId, t => t.State != ConversionTaskState.Active);

        Assert.Contains("Timed out waiting for the upload: invalid import manifest", failed.StatusMessage);
    }

    [Fact]
    public async Task TaskExpiresAfterItsDeadline()
    {
        using AmazonEC2Client ec2 = cloud.Compute(cloud.Patient);
        var import = new ImportScenario(cloud, 1500);
        ConversionTask created = await import.ImportVolumeAsync(ec2);
        cloud.Patient.State.ConversionTasks.Update(created.ConversionTaskId, t => t with { ExpirationTime = DateTimeOffset.UtcNow.AddSeconds(-1) });

        ConversionTask failed = await ImportScenario.WaitAsync(ec2, created.ConversionTaskId, t => t.State != ConversionTaskState.Active);

        Assert.Equal(ConversionTaskState.Cancelled, failed.State);
        Assert.Contains("expired", failed.StatusMessage);
    }

    [Fact]
    public async Task ImportInstanceEndsWithAnInstanceAndKeepsTheLaunchSpecification()
    {
        using AmazonEC2Client ec2 = cloud.Compute(cloud.Patient);
        var import = new ImportScenario(cloud, 1500);
        var request = new ImportInstanceRequest
        {
            Platform = PlatformValues.Windows,
            Description = "vm",
            DiskImages = [new DiskImage { Image = new DiskImageDetail { Format = "RAW", Bytes = 1500, ImportManifestUrl = cloud.Presign("GET", import.ManifestKey) }, Volume = new VolumeDetail { Size = 1 } }],
            LaunchSpecification = new ImportInstanceLaunchSpecification { InstanceType = "m1.small", Placement = new Placement { AvailabilityZone = ImportCloudFixture.Zone } },
        };

        ConversionTask created = (await ec2.ImportInstanceAsync(request)).ConversionTask;
        await import.UploadManifestAsync();
        await import.UploadPartsAsync();
        ConversionTask done = await ImportScenario.WaitAsync(ec2, created.ConversionTaskId, t => t.State != ConversionTaskState.Active);

        Assert.Matches("^import-i-[0-9a-f]{8}$", created.ConversionTaskId);
        Assert.Equal(ConversionTaskState.Completed, done.State);
        Assert.Matches("^i-[0-9a-f]{8}$", done.ImportInstance.InstanceId);
        Assert.Equal(PlatformValues.Windows, done.ImportInstance.Platform);
        ImportInstanceVolumeDetailItem disk = Assert.Single(done.ImportInstance.Volumes);
        Assert.Equal((1500L, 1500L), (disk.BytesConverted, disk.Image.Size));
        Assert.Matches("^vol-[0-9a-f]{8}$", disk.Volume.Id);
        Assert.Equal("m1.small", cloud.Patient.State.ConversionTasks.Find(created.ConversionTaskId)!.InstanceType);
    }

    [Fact]
    public async Task CancelEndsTheTaskAndUnknownIdsAreErrors()
    {
        using AmazonEC2Client ec2 = cloud.Compute(cloud.Patient);
        ConversionTask created = await new ImportScenario(cloud, 1500).ImportVolumeAsync(ec2);

        await ec2.CancelConversionTaskAsync(new CancelConversionTaskRequest { ConversionTaskId = created.ConversionTaskId });
        ConversionTask cancelled = await ImportScenario.WaitAsync(ec2, created.ConversionTaskId, _ => true);
        var again = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CancelConversionTaskAsync(new CancelConversionTaskRequest { ConversionTaskId = created.ConversionTaskId }));
        var unknown = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeConversionTasksAsync(new DescribeConversionTasksRequest { ConversionTaskIds = ["import-vol-00000000"] }));

        Assert.Equal(ConversionTaskState.Cancelled, cancelled.State);
        Assert.Equal("IncorrectState", again.ErrorCode);
        Assert.Equal("InvalidConversionTaskId", unknown.ErrorCode);
    }

    [Fact]
    public async Task OtherAccountsDoNotSeeTheTask()
    {
        using AmazonEC2Client ec2 = cloud.Compute(cloud.Patient);
        ConversionTask created = await new ImportScenario(cloud, 1500).ImportVolumeAsync(ec2);
        using AmazonEC2Client vendor = LocalCloudFixture.CreateClient(new Uri(cloud.Patient.BaseUrl, "services/compute"),
            new Amazon.Runtime.BasicAWSCredentials(DefaultKeys.VendorAccessKey, DefaultKeys.VendorSecret));

        var listed = (await vendor.DescribeConversionTasksAsync(new DescribeConversionTasksRequest())).ConversionTasks ?? [];

        Assert.DoesNotContain(listed, t => t.ConversionTaskId == created.ConversionTaskId);
    }

    [Theory]
    [InlineData("VHD", 1, "one", true, "InvalidParameterValue")]
    [InlineData("RAW", 1, "nowhere", true, "InvalidZone.NotFound")]
    [InlineData("RAW", 0, "one", true, "InvalidParameterValue")]
    [InlineData("RAW", 1, "one", false, "InvalidParameterValue")]
    public async Task ImportVolumeChecksItsParameters(string format, int volumeSize, string zone, bool goodUrl, string code)
    {
        using AmazonEC2Client ec2 = cloud.Compute(cloud.Patient);
        string url = goodUrl ? cloud.Presign("GET", "x/disk.raw.manifest.xml") : cloud.Presign("GET", "x/disk.raw.manifest.xml", "wrong");

        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.ImportVolumeAsync(new ImportVolumeRequest
        {
            AvailabilityZone = zone,
            Image = new DiskImageDetail { Format = format, Bytes = 1500, ImportManifestUrl = url },
            Volume = new VolumeDetail { Size = volumeSize },
        }));

        Assert.Equal(code, e.ErrorCode);
    }

    [Fact]
    public async Task ImportWithoutObjectStorageIsUnavailable()
    {
        await using var host = new Hosting.LocalCloudHost(new Hosting.LocalCloudOptions());
        await host.StartAsync();
        using AmazonEC2Client ec2 = cloud.Compute(host);

        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => new ImportScenario(cloud, 10).ImportVolumeAsync(ec2));

        Assert.Equal("Unavailable", e.ErrorCode);
    }
}
