using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Images;

namespace Euca.Images.Engine.Images.Registration
{
    /// <summary>RegisterImage for instance-store and EBS-backed images, returning the image as the cloud describes it.</summary>
    public sealed class ImageRegistration
    {
        private readonly CloudConnection _connection;

        public ImageRegistration(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        /// <summary>Registers a checked plan (see <see cref="ImageRegistrationRules.Check"/>) and describes the new image.</summary>
        public async Task<ImageInfo> RegisterAsync(ImageRegistrationPlan plan, CancellationToken cancellationToken)
        {
            if (plan == null)
            {
                throw new ArgumentNullException(nameof(plan));
            }

            RegisterImageRequest request = ToSdkRequest(plan.Request);
            // The image is registered from a bundle manifest or a snapshot; an error names that source.
            object target = plan.Request.ImageLocation ?? plan.Request.SnapshotId ?? plan.Request.Name;
            var response = await _connection.CallComputeAsync((ec2, ct) => ec2.RegisterImageAsync(request, ct), target, cancellationToken).ConfigureAwait(false);
            string imageId = response.ImageId ?? string.Empty;
            return await ImageLookup.FindAsync(_connection, imageId, verbose: false, cancellationToken).ConfigureAwait(false)
                ?? new ImageInfo { ImageId = imageId, Name = plan.Request.Name, State = "pending" };
        }

        internal static RegisterImageRequest ToSdkRequest(ImageRegistrationRequest source)
        {
            var request = new RegisterImageRequest
            {
                Name = source.Name,
                ImageLocation = source.ImageLocation,
                Description = source.Description,
                Architecture = source.Architecture,
                KernelId = source.KernelId,
                RamdiskId = source.RamdiskId,
                RootDeviceName = source.RootDeviceName,
                VirtualizationType = source.VirtualizationType switch
                {
                    VirtualizationKind.Hvm => "hvm",
                    VirtualizationKind.Paravirtual => "paravirtual",
                    _ => null,
                },
            };

            List<BlockDeviceMapping> mappings = (source.BlockDeviceMappings ?? Array.Empty<ImageBlockDeviceMapping>()).Select(ToSdkMapping).ToList();
            if (mappings.Count > 0)
            {
                request.BlockDeviceMappings = mappings;
            }

            if (source.Platform != null)
            {
                // Eucalyptus takes Platform=windows on RegisterImage; the EC2 API (and the SDK's request type) has no such member.
                ExtraQueryParameters.Add(request, "Platform", source.Platform);
            }

            return request;
        }

        private static BlockDeviceMapping ToSdkMapping(ImageBlockDeviceMapping mapping)
        {
            var sdk = new BlockDeviceMapping { DeviceName = mapping.DeviceName };
            if (mapping.NoDevice)
            {
                sdk.NoDevice = string.Empty;
            }
            else if (mapping.VirtualName != null)
            {
                sdk.VirtualName = mapping.VirtualName;
            }
            else
            {
                sdk.Ebs = new EbsBlockDevice
                {
                    SnapshotId = mapping.SnapshotId,
                    VolumeSize = mapping.VolumeSizeGiB,
                    DeleteOnTermination = mapping.DeleteOnTermination,
                    VolumeType = mapping.VolumeType,
                    Iops = mapping.Iops,
                };
            }

            return sdk;
        }
    }
}
