using System.Xml.Linq;
using Amazon.EC2;
using Amazon.EC2.Model;
using Euca.Images.LocalCloud.Tests.Euca2oolsStyle;
using Xunit.Abstractions;

namespace Euca.Images.LocalCloud.Tests.Import;

/// <summary>ImportInstance as euca-import-instance sends it (form fields, signature version 2): once the disk is
/// converted the task snapshots it, registers `image-import-i-...` and launches the instance, which DescribeInstances
/// then knows, booting from a volume made from that snapshot and attached at /dev/sda.</summary>
public sealed class ImportInstanceLaunchTests(ImportCloudFixture cloud, ITestOutputHelper output) : IClassFixture<ImportCloudFixture>
{
    [Fact]
    public async Task TheCompletedTaskNamesAnInstanceThatRunsFromTheImportedDisk()
    {
        var client = new Euca2oolsStyleClient(new Uri(cloud.Patient.BaseUrl, "services/compute"), output, "S3RVER", "S3RVER");
        var import = new ImportScenario(cloud, 1500);
        (int status, XDocument started) = await client.SendAsync("ImportInstance",
            ("Description", "imported vm"), ("Platform", "Linux"),
            ("LaunchSpecification.Architecture", "x86_64"), ("LaunchSpecification.InstanceType", "m1.small"),
            ("LaunchSpecification.KeyName", "admin-key"), ("LaunchSpecification.Placement.AvailabilityZone", ImportCloudFixture.Zone),
            ("DiskImage.1.Image.Format", "RAW"), ("DiskImage.1.Image.Bytes", "1500"),
            ("DiskImage.1.Image.ImportManifestUrl", cloud.Presign("GET", import.ManifestKey)), ("DiskImage.1.Volume.Size", "1"));
        string taskId = started.Root!.Child("conversionTask").Child("conversionTaskId").Value;
        await import.UploadManifestAsync();
        await import.UploadPartsAsync();
        using AmazonEC2Client ec2 = cloud.Compute(cloud.Patient);
        await ImportScenario.WaitAsync(ec2, taskId, t => t.State != ConversionTaskState.Active);

        (_, XDocument tasks) = await client.SendAsync("DescribeConversionTasks", ("ConversionTaskId.1", taskId));
        XElement task = tasks.Root!.Child("conversionTasks").Items().Single();
        string instanceId = task.Child("importInstance").Child("instanceId").Value;
        (int described, XDocument instances) = await client.SendAsync("DescribeInstances", ("InstanceId.1", instanceId));
        XElement instance = instances.Root!.Child("reservationSet").Items().Single().Child("instancesSet").Items().Single();
        string rootVolume = instance.Child("blockDeviceMapping").Items().Single().Child("ebs").Child("volumeId").Value;
        (_, XDocument volumes) = await client.SendAsync("DescribeVolumes", ("VolumeId.1", rootVolume));
        (_, XDocument images) = await client.SendAsync("DescribeImages", ("ImageId.1", instance.Child("imageId").Value));

        Assert.Equal(200, status);
        Assert.Equal("completed", task.Child("state").Value);
        Assert.Equal(200, described);
        Assert.Equal(("running", "ebs", "/dev/sda", "admin-key"), (instance.Child("instanceState").Child("name").Value,
            instance.Child("rootDeviceType").Value, instance.Child("rootDeviceName").Value, instance.Child("keyName").Value));
        Assert.Equal(ImportCloudFixture.Zone, instance.Child("placement").Child("availabilityZone").Value);
        XElement volume = volumes.Root!.Child("volumeSet").Items().Single();
        Assert.Equal("in-use", volume.Child("status").Value);
        Assert.Equal(instanceId, volume.Child("attachmentSet").Items().Single().Child("instanceId").Value);
        XElement image = images.Root!.Child("imagesSet").Items().Single();
        Assert.Equal("image-" + taskId, image.Child("name").Value);
        Assert.Equal(volume.Child("snapshotId").Value, image.Child("blockDeviceMapping").Items().Single().Child("ebs").Child("snapshotId").Value);
    }
}
