using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;

namespace Euca.Images.Engine.Instances
{
    /// <summary>
    /// CreateImage: a new EBS-backed image from an EBS-backed instance (Eucalyptus accepts no other kind; an
    /// instance-store instance is bundled with BundleInstance instead). The instance is checked first so the user
    /// gets a clear answer, not the cloud's generic error.
    /// </summary>
    public sealed class InstanceImageCreator
    {
        private readonly CloudConnection _connection;

        public InstanceImageCreator(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>Creates the image and returns it as described right after creation (normally <c>pending</c>).</summary>
        public async Task<ImageInfo> CreateImageAsync(ImageFromInstanceRequest request, CancellationToken cancellationToken)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            ImageNameRules.Check(request.Name, request.Description);
            InstanceInfo instance = await new InstanceService(_connection).GetInstanceAsync(request.InstanceId, cancellationToken).ConfigureAwait(false);
            CheckInstance(instance);

            var createRequest = new CreateImageRequest
            {
                InstanceId = instance.InstanceId,
                Name = request.Name,
                Description = request.Description,
                NoReboot = request.NoReboot ? true : (bool?)null,
                BlockDeviceMappings = request.BlockDeviceMappings.Count > 0 ? request.BlockDeviceMappings.Select(ToSdk).ToList() : null,
            };
            var response = await _connection.CallComputeAsync((ec2, ct) => ec2.CreateImageAsync(createRequest, ct), instance.InstanceId, cancellationToken).ConfigureAwait(false);
            string imageId = response.ImageId ?? throw new EucaException(
                ErrorIds.CloudAnswerIncomplete, EucaErrorCategory.InvalidData, $"The cloud at {_connection.Settings.ComputeUrl} accepted CreateImage but returned no image id.", instance.InstanceId);

            var images = await new ImageService(_connection)
                .GetImagesAsync(new ImageQuery { ImageIds = new[] { imageId } }, cancellationToken).ConfigureAwait(false);
            return images.Items.FirstOrDefault() ?? new ImageInfo { ImageId = imageId, Name = request.Name, State = "pending" };
        }

        private static void CheckInstance(InstanceInfo instance)
        {
            if (instance.RootDeviceType != RootDeviceKind.Ebs)
            {
                throw new EucaException(
                    ErrorIds.InstanceNotEbsBacked,
                    EucaErrorCategory.InvalidOperation,
                    $"Instance {instance.InstanceId} has an instance-store root device; Eucalyptus creates images only from EBS-backed instances. "
                    + "Bundle it with New-EucaInstanceBundle, then register the bundle with Register-EucaImage.",
                    instance.InstanceId);
            }

            if (instance.State != "running" && instance.State != "stopped")
            {
                throw new EucaException(
                    ErrorIds.InstanceStateInvalid,
                    EucaErrorCategory.InvalidOperation,
                    $"Instance {instance.InstanceId} is {instance.State}; an image can be created only from a running or stopped instance.",
                    instance.InstanceId);
            }
        }

        private static BlockDeviceMapping ToSdk(ImageBlockDeviceMapping mapping) =>
            new BlockDeviceMapping
            {
                DeviceName = mapping.DeviceName,
                VirtualName = mapping.VirtualName,
                NoDevice = mapping.NoDevice ? string.Empty : null,
                Ebs = mapping.SnapshotId == null && mapping.VolumeSizeGiB == null ? null : new EbsBlockDevice
                {
                    SnapshotId = mapping.SnapshotId,
                    VolumeSize = mapping.VolumeSizeGiB,
                    DeleteOnTermination = mapping.DeleteOnTermination,
                    VolumeType = mapping.VolumeType,
                },
            };
    }
}
