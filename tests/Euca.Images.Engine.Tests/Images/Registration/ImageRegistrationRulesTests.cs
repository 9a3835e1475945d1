using System.Linq;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Images.Registration;

namespace Euca.Images.Engine.Tests.Images.Registration
{
    public class ImageRegistrationRulesTests
    {
        private static ImageRegistrationRequest InstanceStore() =>
            new ImageRegistrationRequest { Name = "centos-7", ImageLocation = "bucket/centos.img.manifest.xml" };

        private static ImageRegistrationRequest Ebs(params string[] mappings) =>
            new ImageRegistrationRequest
            {
                Name = "centos-ebs",
                SnapshotId = "snap-12345678",
                BlockDeviceMappings = mappings.Select(BlockDeviceMappingParser.Parse).ToArray(),
            };

        private static string ErrorOf(ImageRegistrationRequest request) =>
            Assert.Throws<EucaException>(() => ImageRegistrationRules.Check(request)).ErrorId;

        [Fact]
        public void InstanceStoreRequestPassesUnchanged()
        {
            var plan = ImageRegistrationRules.Check(InstanceStore());

            Assert.Equal("bucket/centos.img.manifest.xml", plan.Request.ImageLocation);
            Assert.Null(plan.Request.RootDeviceName);
            Assert.Empty(plan.Adjustments);
        }

        [Fact]
        public void EbsDefaultsTheRootDeviceAndAppendsTheRootSnapshotLast()
        {
            var plan = ImageRegistrationRules.Check(Ebs("/dev/sdb=ephemeral0", "/dev/sdc=:20:true:gp2"));

            Assert.Equal("/dev/sda", plan.Request.RootDeviceName);
            Assert.Equal(new[] { "/dev/sdb", "/dev/sdc", "/dev/sda" }, plan.Request.BlockDeviceMappings.Select(m => m.DeviceName));
            Assert.Equal("snap-12345678", plan.Request.BlockDeviceMappings.Last().SnapshotId);
            Assert.Empty(plan.Adjustments);
        }

        [Fact]
        public void PartitionedRootIsRemappedToTheWholeDiskWithAnAdjustment()
        {
            var request = Ebs("/dev/sda1=snap-12345678:10:true");
            request.RootDeviceName = "/dev/sda1";

            var plan = ImageRegistrationRules.Check(request);

            Assert.Equal("/dev/sda", plan.Request.RootDeviceName);
            var root = Assert.Single(plan.Request.BlockDeviceMappings);
            Assert.Equal(("/dev/sda", 10), (root.DeviceName, root.VolumeSizeGiB));
            Assert.Equal(2, plan.Adjustments.Count);
            Assert.All(plan.Adjustments, a => Assert.Contains("/dev/sda1", a));
            Assert.Equal("/dev/sda1", request.BlockDeviceMappings[0].DeviceName);
        }

        [Fact]
        public void RootMappingWithoutSnapshotTakesTheRootSnapshot()
        {
            var plan = ImageRegistrationRules.Check(Ebs("/dev/sda=:30:false"));

            var root = Assert.Single(plan.Request.BlockDeviceMappings);
            Assert.Equal(("snap-12345678", 30, false), (root.SnapshotId, root.VolumeSizeGiB, root.DeleteOnTermination));
        }

        [Theory]
        [InlineData("/dev/sdb1=ephemeral0", "DeviceNameInvalid")]
        [InlineData("/dev/nvme0n1=ephemeral0", "DeviceNameInvalid")]
        [InlineData("/dev/sda=snap-87654321", "RootSnapshotConflict")]
        [InlineData("/dev/sdb=ephemeral7", "VirtualNameInvalid")]
        [InlineData("/dev/sdb=snap-1234:10", "SnapshotIdInvalid")]
        [InlineData("/dev/sdb=:0", "VolumeSizeInvalid")]
        public void BadEbsMappingsAreRejected(string mapping, string errorId)
        {
            Assert.Equal(errorId, ErrorOf(Ebs(mapping)));
        }

        [Fact]
        public void PartitionMessageSaysWhy()
        {
            var error = Assert.Throws<EucaException>(() => ImageRegistrationRules.Check(Ebs("/dev/sdb2=ephemeral0")));

            Assert.Contains("partition", error.Message);
            Assert.Equal("/dev/sdb2", error.Target);
        }

        [Fact]
        public void OnlyOneEphemeralAndNoDuplicates()
        {
            Assert.Equal("TooManyEphemeralDevices", ErrorOf(Ebs("/dev/sdb=ephemeral0", "/dev/sdc=ephemeral1")));
            Assert.Equal("DeviceNameDuplicate", ErrorOf(Ebs("/dev/sdb=ephemeral0", "sdb=none")));
        }

        [Fact]
        public void EbsImagesAreHvm()
        {
            var request = Ebs();
            request.VirtualizationType = VirtualizationKind.Paravirtual;
            request.KernelId = "eki-12345678";
            request.RamdiskId = "eri-12345678";

            Assert.Equal("EbsImageMustBeHvm", ErrorOf(request));
        }

        [Fact]
        public void ParavirtualNeedsBothKernelAndRamdisk()
        {
            var request = InstanceStore();
            request.VirtualizationType = VirtualizationKind.Paravirtual;
            request.KernelId = "eki-12345678";
            Assert.Equal("ParavirtualNeedsKernelAndRamdisk", ErrorOf(request));

            request.RamdiskId = "ERI-ABCDEF12";
            var plan = ImageRegistrationRules.Check(request);
            Assert.Equal("eri-abcdef12", plan.Request.RamdiskId);
        }

        [Fact]
        public void WindowsIsHvmAndKernelWindowsIsAccepted()
        {
            var request = InstanceStore();
            request.KernelId = "windows";
            Assert.Equal("windows", ImageRegistrationRules.Check(request).Request.KernelId);

            request.VirtualizationType = VirtualizationKind.Paravirtual;
            Assert.Equal("WindowsImageMustBeHvm", ErrorOf(request));
        }

        [Fact]
        public void SourcesMustBeOneOrTheOther()
        {
            Assert.Equal("ImageSourceMissing", ErrorOf(new ImageRegistrationRequest { Name = "nothing" }));
            var both = InstanceStore();
            both.SnapshotId = "snap-12345678";
            Assert.Equal("ImageSourceConflict", ErrorOf(both));
            var ebsMapping = InstanceStore();
            ebsMapping.BlockDeviceMappings = new[] { BlockDeviceMappingParser.Parse("/dev/sdb=snap-12345678") };
            Assert.Equal("EbsMappingNotAllowed", ErrorOf(ebsMapping));
        }

        [Theory]
        [InlineData("ab")]
        [InlineData("has space")]
        [InlineData("semi;colon")]
        public void NamesFollowEucalyptusRules(string name)
        {
            var request = InstanceStore();
            request.Name = name;
            Assert.Equal("ImageNameInvalid", ErrorOf(request));
        }

        [Fact]
        public void OtherFieldsAreChecked()
        {
            Assert.Equal("ImageLocationInvalid", ErrorOf(new ImageRegistrationRequest { Name = "abc", ImageLocation = "no-slash.manifest.xml" }));
            Assert.Equal("ImageDescriptionTooLong", ErrorOf(new ImageRegistrationRequest { Name = "abc", ImageLocation = "b/k", Description = new string('d', 256) }));
            Assert.Equal("ArchitectureInvalid", ErrorOf(new ImageRegistrationRequest { Name = "abc", ImageLocation = "b/k", Architecture = "ppc64" }));
            Assert.Equal("KernelIdInvalid", ErrorOf(new ImageRegistrationRequest { Name = "abc", ImageLocation = "b/k", KernelId = "emi-12345678" }));
            Assert.Equal("RamdiskIdInvalid", ErrorOf(new ImageRegistrationRequest { Name = "abc", ImageLocation = "b/k", RamdiskId = "eki-12345678" }));
            Assert.Equal("PlatformInvalid", ErrorOf(new ImageRegistrationRequest { Name = "abc", ImageLocation = "b/k", Platform = "linux" }));
            Assert.Equal("SnapshotIdInvalid", ErrorOf(new ImageRegistrationRequest { Name = "abc", SnapshotId = "snapshot" }));
        }
    }
}
