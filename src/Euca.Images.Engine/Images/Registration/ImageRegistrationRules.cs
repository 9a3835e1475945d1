using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;

namespace Euca.Images.Engine.Images.Registration
{
    /// <summary>
    /// Checks a registration against the rules Eucalyptus 4.x enforces (images/ImageManager.java, images/Images.java),
    /// so a user learns what is wrong before anything is sent, and applies the same defaults the cloud would:
    /// EBS root device <c>/dev/sda</c>, <c>/dev/sda1</c> remapped to <c>/dev/sda</c>, the root snapshot appended as
    /// the root mapping (as euca-register does).
    /// </summary>
    public static class ImageRegistrationRules
    {
        public const string DefaultRootDeviceName = "/dev/sda";

        // Eucalyptus accepts /dev/sda1 as the root of an EBS image only to rewrite it to the whole disk.
        private const string PartitionedRootDeviceName = "/dev/sda1";

        private static readonly Regex WholeDiskPattern = new Regex("^(/dev/)?([svh]|xv)d[a-z]$", RegexOptions.CultureInvariant);
        private static readonly Regex PartitionPattern = new Regex("^(/dev/)?([svh]|xv)d[a-z][0-9]+$", RegexOptions.CultureInvariant);
        private static readonly Regex EphemeralPattern = new Regex("^ephemeral[0-3]$", RegexOptions.CultureInvariant);

        /// <summary>Checks <paramref name="request"/> and returns the request to send; throws <see cref="EucaException"/> with a stable id.</summary>
        public static ImageRegistrationPlan Check(ImageRegistrationRequest request)
        {
            if (request == null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var adjustments = new List<string>();
            ImageNameRules.Check(request.Name, request.Description);
            if (request.Architecture != null)
            {
                Architectures.Check(ArchitectureUse.Registration, request.Architecture);
            }

            string? kernelId = CheckKernel(request.KernelId);
            string? ramdiskId = request.RamdiskId == null ? null : ResourceIdPattern.Ramdisk(request.RamdiskId);
            string? platform = CheckPlatform(request.Platform);
            bool windows = platform != null || string.Equals(kernelId, "windows", StringComparison.Ordinal);
            CheckVirtualization(request, kernelId, ramdiskId, windows);

            List<ImageBlockDeviceMapping> mappings = (request.BlockDeviceMappings ?? Array.Empty<ImageBlockDeviceMapping>()).Select(Copy).ToList();
            var checkedRequest = new ImageRegistrationRequest
            {
                Name = request.Name,
                Description = request.Description,
                Architecture = request.Architecture,
                VirtualizationType = request.VirtualizationType,
                KernelId = kernelId,
                RamdiskId = ramdiskId,
                Platform = platform,
            };

            if (request.ImageLocation != null)
            {
                checkedRequest.ImageLocation = CheckInstanceStore(request, mappings);
            }
            else
            {
                checkedRequest.SnapshotId = request.SnapshotId;
                checkedRequest.RootDeviceName = CheckEbs(request, mappings, adjustments);
            }

            CheckMappings(mappings);
            checkedRequest.BlockDeviceMappings = mappings;
            return new ImageRegistrationPlan(checkedRequest, adjustments);
        }

        // KernelId=windows is a Eucalyptus convention that marks a Windows (HVM) image.
        private static string? CheckKernel(string? kernelId) =>
            kernelId == null ? null
            : string.Equals(kernelId, "windows", StringComparison.OrdinalIgnoreCase) ? "windows"
            : ResourceIdPattern.Kernel(kernelId);

        private static string? CheckPlatform(string? platform)
        {
            if (platform == null)
            {
                return null;
            }

            if (!string.Equals(platform, "windows", StringComparison.OrdinalIgnoreCase))
            {
                throw new EucaException(ErrorIds.PlatformInvalid, EucaErrorCategory.InvalidArgument, $"The platform '{platform}' is not valid: the only platform is windows.", platform);
            }

            return "windows";
        }

        private static void CheckVirtualization(ImageRegistrationRequest request, string? kernelId, string? ramdiskId, bool windows)
        {
            if (request.VirtualizationType != VirtualizationKind.Paravirtual)
            {
                return;
            }

            if (request.ImageLocation == null)
            {
                throw new EucaException(
                    ErrorIds.EbsImageMustBeHvm,
                    EucaErrorCategory.InvalidArgument,
                    "EBS-backed images are HVM on Eucalyptus; register the snapshot with -VirtualizationType hvm (or leave it out).",
                    request.Name);
            }

            if (windows)
            {
                throw new EucaException(
                    ErrorIds.WindowsImageMustBeHvm,
                    EucaErrorCategory.InvalidArgument,
                    "Windows images are HVM on Eucalyptus; they cannot be registered as paravirtual.",
                    request.Name);
            }

            // Since Eucalyptus 4.0 a paravirtual image must name its kernel (EKI) and ramdisk (ERI).
            if (kernelId == null || ramdiskId == null)
            {
                throw new EucaException(
                    ErrorIds.ParavirtualNeedsKernelAndRamdisk,
                    EucaErrorCategory.InvalidArgument,
                    "A paravirtual image needs both a kernel (-KernelId eki-…) and a ramdisk (-RamdiskId eri-…).",
                    request.Name);
            }
        }

        private static string CheckInstanceStore(ImageRegistrationRequest request, List<ImageBlockDeviceMapping> mappings)
        {
            string location = request.ImageLocation!.TrimStart('/');
            int slash = location.IndexOf('/');
            if (slash < 1 || slash == location.Length - 1)
            {
                throw new EucaException(
                    ErrorIds.ImageLocationInvalid,
                    EucaErrorCategory.InvalidArgument,
                    $"The image location '{request.ImageLocation}' must be BUCKET/PREFIX.manifest.xml.",
                    request.ImageLocation);
            }

            if (request.SnapshotId != null || request.RootDeviceName != null)
            {
                throw new EucaException(
                    ErrorIds.ImageSourceConflict,
                    EucaErrorCategory.InvalidArgument,
                    "An instance-store image (a manifest location) takes neither a root snapshot nor a root device name.",
                    request.ImageLocation);
            }

            ImageBlockDeviceMapping? ebs = mappings.FirstOrDefault(m => m.IsEbs);
            if (ebs != null)
            {
                throw new EucaException(
                    ErrorIds.EbsMappingNotAllowed,
                    EucaErrorCategory.InvalidArgument,
                    $"An instance-store image cannot map EBS volumes ({ebs}); map ephemeral disks or none.",
                    ebs.ToString());
            }

            return location;
        }

        private static string CheckEbs(ImageRegistrationRequest request, List<ImageBlockDeviceMapping> mappings, List<string> adjustments)
        {
            string rootDevice = request.RootDeviceName ?? DefaultRootDeviceName;
            bool wholeDiskMapped = mappings.Any(m => m.DeviceName == DefaultRootDeviceName);
            if (rootDevice == PartitionedRootDeviceName)
            {
                rootDevice = DefaultRootDeviceName;
                adjustments.Add($"The root device {PartitionedRootDeviceName} is registered as {DefaultRootDeviceName}: Eucalyptus maps whole disks, not partitions.");
            }

            if (!wholeDiskMapped)
            {
                foreach (ImageBlockDeviceMapping mapping in mappings.Where(m => m.DeviceName == PartitionedRootDeviceName))
                {
                    mapping.DeviceName = DefaultRootDeviceName;
                    adjustments.Add($"The mapping for {PartitionedRootDeviceName} is registered for {DefaultRootDeviceName}: Eucalyptus maps whole disks, not partitions.");
                }
            }

            CheckDeviceName(rootDevice);
            if (request.SnapshotId != null)
            {
                ResourceIdPattern.Snapshot(request.SnapshotId);
            }

            ImageBlockDeviceMapping? root = mappings.FirstOrDefault(m => SameDevice(m.DeviceName, rootDevice));
            if (root == null && request.SnapshotId != null)
            {
                // euca-register appends the root mapping last when no -b names the root device.
                mappings.Add(new ImageBlockDeviceMapping { DeviceName = rootDevice, SnapshotId = request.SnapshotId });
            }
            else if (root != null && request.SnapshotId != null && root.SnapshotId == null && !root.NoDevice && root.VirtualName == null)
            {
                // A root mapping that only sets size, type or delete flag takes the root snapshot.
                root.SnapshotId = request.SnapshotId;
            }
            else if (root != null && request.SnapshotId != null && root.SnapshotId != null && !string.Equals(root.SnapshotId, request.SnapshotId, StringComparison.OrdinalIgnoreCase))
            {
                throw new EucaException(
                    ErrorIds.RootSnapshotConflict,
                    EucaErrorCategory.InvalidArgument,
                    $"The root device {rootDevice} is mapped to {root.SnapshotId}, but the root snapshot is {request.SnapshotId}.",
                    request.SnapshotId);
            }
            else if (root == null || root.SnapshotId == null)
            {
                throw new EucaException(
                    ErrorIds.ImageSourceMissing,
                    EucaErrorCategory.InvalidArgument,
                    "Give either a manifest location (-ImageLocation) for an instance-store image or a root snapshot (-SnapshotId) for an EBS-backed image.",
                    request.Name);
            }

            return rootDevice;
        }

        private static void CheckMappings(List<ImageBlockDeviceMapping> mappings)
        {
            var devices = new HashSet<string>(StringComparer.Ordinal);
            int ephemerals = 0;
            foreach (ImageBlockDeviceMapping mapping in mappings)
            {
                string device = mapping.DeviceName ?? string.Empty;
                CheckDeviceName(device);
                if (!devices.Add(WithoutDevPrefix(device)))
                {
                    throw new EucaException(ErrorIds.DeviceNameDuplicate, EucaErrorCategory.InvalidArgument, $"The device {device} is mapped more than once.", device);
                }

                if (mapping.VirtualName != null && !mapping.NoDevice)
                {
                    if (!EphemeralPattern.IsMatch(mapping.VirtualName))
                    {
                        throw new EucaException(
                            ErrorIds.VirtualNameInvalid,
                            EucaErrorCategory.InvalidArgument,
                            $"The virtual device '{mapping.VirtualName}' for {device} is not valid: use ephemeral0 to ephemeral3.",
                            mapping.VirtualName);
                    }

                    if (++ephemerals > 1)
                    {
                        throw new EucaException(
                            ErrorIds.TooManyEphemeralDevices,
                            EucaErrorCategory.InvalidArgument,
                            "Eucalyptus supports only one ephemeral device per image.",
                            mapping.ToString());
                    }
                }

                if (mapping.SnapshotId != null && mapping.SnapshotId.StartsWith("snap-", StringComparison.OrdinalIgnoreCase) && !ResourceIdPattern.IsSnapshot(mapping.SnapshotId))
                {
                    throw new EucaException(
                        ErrorIds.SnapshotIdInvalid,
                        EucaErrorCategory.InvalidArgument,
                        $"'{mapping.SnapshotId}' in the mapping for {device} is not a snapshot id.",
                        mapping.SnapshotId);
                }

                if (mapping.VolumeSizeGiB == 0)
                {
                    throw new EucaException(ErrorIds.VolumeSizeInvalid, EucaErrorCategory.InvalidArgument, $"The volume size for {device} cannot be 0.", mapping.ToString());
                }
            }
        }

        private static void CheckDeviceName(string device)
        {
            if (WholeDiskPattern.IsMatch(device))
            {
                return;
            }

            string reason = PartitionPattern.IsMatch(device)
                ? "it is a partition; Eucalyptus maps whole disks such as /dev/sdb"
                : "expected a whole disk such as /dev/sdb, /dev/vdb or /dev/xvdb";
            throw new EucaException(ErrorIds.DeviceNameInvalid, EucaErrorCategory.InvalidArgument, $"The device name '{device}' is not valid: {reason}.", device);
        }

        private static bool SameDevice(string? a, string b) => a != null && WithoutDevPrefix(a) == WithoutDevPrefix(b);

        private static string WithoutDevPrefix(string device) => device.StartsWith("/dev/", StringComparison.Ordinal) ? device.Substring(5) : device;

        private static ImageBlockDeviceMapping Copy(ImageBlockDeviceMapping m) =>
            new ImageBlockDeviceMapping
            {
                DeviceName = m.DeviceName,
                VirtualName = m.VirtualName,
                SnapshotId = m.SnapshotId,
                VolumeSizeGiB = m.VolumeSizeGiB,
                DeleteOnTermination = m.DeleteOnTermination,
                VolumeType = m.VolumeType,
                Iops = m.Iops,
                NoDevice = m.NoDevice,
            };
    }
}
