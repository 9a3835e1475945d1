using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Migration;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Migration
{
    /// <summary>How a connection's cloud is told: AWS by its endpoint without a call, otherwise by asking; the asking
    /// half runs against both local cloud flavours.</summary>
    [Collection(MigrationCloudsCollection.Name)]
    public sealed class CloudFamilyProbeTests
    {
        private readonly MigrationClouds _clouds;

        public CloudFamilyProbeTests(MigrationClouds clouds)
        {
            _clouds = clouds;
        }

        [Theory]
        [InlineData("https://ec2.us-east-1.amazonaws.com/")]
        [InlineData("https://ec2.cn-north-1.amazonaws.com.cn/")]
        public async Task AnAmazonEndpointIsAwsWithoutACall(string endpoint)
        {
            // Nothing listens there from a test machine: an attempted call would fail.
            using CloudConnection aws = CloudTestSettings.Connect(new Uri(endpoint), TimeSpan.FromSeconds(1));

            Assert.Equal(CloudFamily.Aws, await CloudFamilyProbe.DetectAsync(aws, CancellationToken.None));
        }

        [Fact]
        public async Task ACloudAnsweringDescribeExportImageTasksIsAwsAndOneRefusingItIsEucalyptus()
        {
            using CloudConnection aws = _clouds.ConnectAws();
            using CloudConnection euca = _clouds.ConnectEucalyptus();

            Assert.Equal(CloudFamily.Aws, await CloudFamilyProbe.DetectAsync(aws, CancellationToken.None));
            Assert.Equal(CloudFamily.Eucalyptus, await CloudFamilyProbe.DetectAsync(euca, CancellationToken.None));
        }
    }
}
