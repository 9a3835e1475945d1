namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>EC2 answers in the shapes the SDK parses, for loopback tests of the instance and snapshot calls.</summary>
    internal static class Ec2Answers
    {
        private const string Ns = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

        public static string Instance(string id, string rootDeviceType, string state, string volumeId = "vol-1a2b3c4d") =>
            $"<DescribeInstancesResponse {Ns}><requestId>r</requestId><reservationSet><item><reservationId>r-1</reservationId><ownerId>123456789012</ownerId>"
            + $"<instancesSet><item><instanceId>{id}</instanceId><imageId>emi-11111111</imageId><instanceState><code>16</code><name>{state}</name></instanceState>"
            + $"<rootDeviceType>{rootDeviceType}</rootDeviceType><rootDeviceName>/dev/sda</rootDeviceName>"
            + (rootDeviceType == "ebs" ? $"<blockDeviceMapping><item><deviceName>/dev/sda</deviceName><ebs><volumeId>{volumeId}</volumeId><status>attached</status><deleteOnTermination>true</deleteOnTermination></ebs></item></blockDeviceMapping>" : "")
            + "</item></instancesSet></item></reservationSet></DescribeInstancesResponse>";

        public static string BundleTaskFields(string bundleId, string state, int progress, string? errorMessage = null) =>
            $"<instanceId>i-{bundleId.Substring(4)}</instanceId><bundleId>{bundleId}</bundleId><state>{state}</state>"
            + "<startTime>2024-03-05T06:07:08.000Z</startTime><updateTime>2024-03-05T06:08:08.000Z</updateTime>"
            + $"<storage><S3><bucket>my-bundles</bucket><prefix>web-01</prefix></S3></storage><progress>{progress}%</progress>"
            + (errorMessage == null ? "" : $"<error><code>Client.AccessDenied</code><message>{errorMessage}</message></error>");

        public static string BundleInstance(string bundleId) =>
            $"<BundleInstanceResponse {Ns}><requestId>r</requestId><bundleInstanceTask>{BundleTaskFields(bundleId, "pending", 0)}</bundleInstanceTask></BundleInstanceResponse>";

        public static string CancelBundleTask(string bundleId) =>
            $"<CancelBundleTaskResponse {Ns}><requestId>r</requestId><bundleInstanceTask>{BundleTaskFields(bundleId, "cancelling", 0)}</bundleInstanceTask></CancelBundleTaskResponse>";

        public static string DescribeBundleTasks(string bundleId, string state, int progress, string? errorMessage = null) =>
            $"<DescribeBundleTasksResponse {Ns}><requestId>r</requestId><bundleInstanceTasksSet><item>{BundleTaskFields(bundleId, state, progress, errorMessage)}</item></bundleInstanceTasksSet></DescribeBundleTasksResponse>";

        public static string CreateImage(string imageId) => $"<CreateImageResponse {Ns}><requestId>r</requestId><imageId>{imageId}</imageId></CreateImageResponse>";

        public static string DescribeImage(string imageId, string state) =>
            $"<DescribeImagesResponse {Ns}><requestId>r</requestId><imagesSet><item><imageId>{imageId}</imageId><imageState>{state}</imageState>"
            + "<imageOwnerId>123456789012</imageOwnerId><name>web-image</name><rootDeviceType>ebs</rootDeviceType><imageType>machine</imageType></item></imagesSet></DescribeImagesResponse>";

        public static string DescribeSnapshots(string snapshotId, string state, int progress) =>
            $"<DescribeSnapshotsResponse {Ns}><requestId>r</requestId><snapshotSet><item><snapshotId>{snapshotId}</snapshotId><volumeId>vol-1a2b3c4d</volumeId>"
            + $"<status>{state}</status><startTime>2024-03-05T06:07:08.000Z</startTime><progress>{progress}%</progress><ownerId>123456789012</ownerId><volumeSize>10</volumeSize></item></snapshotSet></DescribeSnapshotsResponse>";

        /// <summary>A DescribeVolumes answer with the given <see cref="Volume"/> items.</summary>
        public static string DescribeVolumes(params string[] volumes) =>
            $"<DescribeVolumesResponse {Ns}><requestId>r</requestId><volumeSet>{string.Concat(volumes)}</volumeSet></DescribeVolumesResponse>";

        /// <summary>A volume item; attached to <paramref name="instanceId"/> at /dev/sda when one is given (then in-use).</summary>
        public static string Volume(string volumeId, string state = "available", string? instanceId = null, string snapshotId = "") =>
            $"<item><volumeId>{volumeId}</volumeId><size>10</size><snapshotId>{snapshotId}</snapshotId><availabilityZone>one</availabilityZone>"
            + $"<status>{state}</status><createTime>2024-03-05T06:07:08.000Z</createTime>"
            + (instanceId == null ? "" : $"<attachmentSet><item><volumeId>{volumeId}</volumeId><instanceId>{instanceId}</instanceId><device>/dev/sda</device><status>attached</status>"
                + "<attachTime>2024-03-05T06:08:08.000Z</attachTime><deleteOnTermination>true</deleteOnTermination></item></attachmentSet>")
            + "<volumeType>standard</volumeType></item>";

        /// <summary>An EC2 error response (sent with HTTP 400).</summary>
        public static string Error(string code, string message) =>
            $"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors><RequestID>r</RequestID></Response>";

        public static string DeleteVolume() => $"<DeleteVolumeResponse {Ns}><requestId>r</requestId><return>true</return></DeleteVolumeResponse>";
    }
}
