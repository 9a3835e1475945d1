using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images.Registration;

namespace Euca.Images.Engine.Tests.Images.Registration
{
    public class BlockDeviceMappingParserTests
    {
        [Fact]
        public void EphemeralMapsTheVirtualName()
        {
            var mapping = BlockDeviceMappingParser.Parse("/dev/sdb=ephemeral0");

            Assert.Equal(("/dev/sdb", "ephemeral0", false, false), (mapping.DeviceName, mapping.VirtualName, mapping.NoDevice, mapping.IsEbs));
        }

        [Theory]
        [InlineData("/dev/sdc=none")]
        [InlineData("/dev/sdc=NONE")]
        public void NoneSuppressesTheDevice(string text)
        {
            var mapping = BlockDeviceMappingParser.Parse(text);

            Assert.True(mapping.NoDevice);
            Assert.Equal("/dev/sdc", mapping.DeviceName);
            Assert.Null(mapping.VirtualName);
        }

        [Fact]
        public void EbsWithoutSnapshotTakesSizeDeleteAndType()
        {
            // The euca2ools-verified example of bundle-format.md §5.1.
            var mapping = BlockDeviceMappingParser.Parse("/dev/sdc=:20:true:gp2");

            Assert.Equal((null, 20, true, "gp2", null), (mapping.SnapshotId, mapping.VolumeSizeGiB, mapping.DeleteOnTermination, mapping.VolumeType, mapping.Iops));
        }

        [Fact]
        public void EbsWithEveryElement()
        {
            var mapping = BlockDeviceMappingParser.Parse("/dev/sdd=snap-12345678:100:false:io1:500");

            Assert.Equal(("snap-12345678", 100, false, "io1", 500), (mapping.SnapshotId, mapping.VolumeSizeGiB, mapping.DeleteOnTermination, mapping.VolumeType, mapping.Iops));
            Assert.Equal("/dev/sdd=snap-12345678:100:false:io1:500", mapping.ToString());
        }

        [Fact]
        public void SnapshotAloneAndVolumeIdsAreSentAsSnapshot()
        {
            Assert.Equal("snap-0123456789abcdef0", BlockDeviceMappingParser.Parse("/dev/sda=snap-0123456789abcdef0").SnapshotId);
            Assert.Equal("vol-12345678", BlockDeviceMappingParser.Parse("/dev/sdb=vol-12345678:5").SnapshotId);
        }

        [Theory]
        [InlineData("/dev/sdb")]
        [InlineData("/dev/sdb=a=b")]
        [InlineData("=ephemeral0")]
        [InlineData("/dev/sdb=")]
        [InlineData("/dev/sdb=:")]
        [InlineData("/dev/sdb=::")]
        [InlineData("/dev/sdb=snap-12345678:big")]
        [InlineData("/dev/sdb=snap-12345678:10:maybe")]
        [InlineData("/dev/sdb=snap-12345678:10:true:standard:100")]
        [InlineData("/dev/sdb=snap-12345678:10:true:io1:many")]
        [InlineData("/dev/sdb=snap-12345678:10:true:io1:100:extra")]
        [InlineData("/dev/sdb=swap")]
        public void MalformedMappingsAreRejectedWithTheTextAsTarget(string text)
        {
            var error = Assert.Throws<EucaException>(() => BlockDeviceMappingParser.Parse(text));

            Assert.Equal("BlockDeviceMappingInvalid", error.ErrorId);
            Assert.Equal(text, error.Target);
            Assert.Contains(text, error.Message);
        }
    }
}
