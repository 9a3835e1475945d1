using System;
using System.Globalization;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;

namespace Euca.Images.Engine.Images.Registration
{
    /// <summary>
    /// Parses euca2ools' <c>-b DEVICE=MAPPED</c> notation (euca2ools <c>argtypes.ec2_block_device_mapping</c>):
    /// <c>DEV=none</c> suppresses a device, <c>DEV=ephemeralN</c> maps an instance-store disk, and
    /// <c>DEV=[snap-…|vol-…]:[GiB]:[true|false]:[standard|TYPE[:IOPS]]</c> (which may start with <c>:</c>) maps an EBS
    /// volume. Like euca2ools, the first EBS element is sent as the snapshot id whatever its prefix.
    /// </summary>
    public static class BlockDeviceMappingParser
    {
        public static ImageBlockDeviceMapping Parse(string text)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            string[] sides = text.Split('=');
            if (sides.Length != 2 || sides[0].Length == 0)
            {
                throw Invalid(text, $"The block device mapping '{text}' must have the form DEVICE=MAPPED.");
            }

            string device = sides[0];
            string mapped = sides[1];
            if (string.Equals(mapped, "none", StringComparison.OrdinalIgnoreCase))
            {
                return new ImageBlockDeviceMapping { DeviceName = device, NoDevice = true };
            }

            if (mapped.StartsWith("ephemeral", StringComparison.Ordinal))
            {
                return new ImageBlockDeviceMapping { DeviceName = device, VirtualName = mapped };
            }

            if (mapped.StartsWith("snap-", StringComparison.Ordinal) || mapped.StartsWith("vol-", StringComparison.Ordinal) || mapped.StartsWith(":", StringComparison.Ordinal))
            {
                return ParseEbs(text, device, mapped);
            }

            if (mapped.Length == 0)
            {
                throw Invalid(text, $"The block device mapping '{text}' maps nothing; use '{device}=none' to suppress a device.");
            }

            throw Invalid(text, $"The block device mapping '{text}' is not valid: expected none, ephemeralN, or [SNAP-ID]:[GiB]:[true|false]:[standard|TYPE[:IOPS]].");
        }

        private static ImageBlockDeviceMapping ParseEbs(string text, string device, string mapped)
        {
            string[] bits = mapped.Split(':');
            if (bits.Length > 5)
            {
                throw Invalid(text, $"The EBS block device mapping '{text}' must have the form DEVICE=[SNAP-ID]:[GiB]:[true|false]:[standard|TYPE[:IOPS]].");
            }

            string Bit(int index) => index < bits.Length ? bits[index] : string.Empty;
            var mapping = new ImageBlockDeviceMapping { DeviceName = device };
            if (Bit(0).Length > 0)
            {
                mapping.SnapshotId = Bit(0);
            }

            if (Bit(1).Length > 0)
            {
                if (!int.TryParse(Bit(1), NumberStyles.None, CultureInfo.InvariantCulture, out int size))
                {
                    throw Invalid(text, $"The second element of the EBS block device mapping '{text}' must be a size in GiB.");
                }

                mapping.VolumeSizeGiB = size;
            }

            if (Bit(2).Length > 0)
            {
                switch (Bit(2).ToLowerInvariant())
                {
                    case "true": mapping.DeleteOnTermination = true; break;
                    case "false": mapping.DeleteOnTermination = false; break;
                    default: throw Invalid(text, $"The third element of the EBS block device mapping '{text}' must be true or false.");
                }
            }

            if (Bit(3).Length > 0)
            {
                mapping.VolumeType = Bit(3);
            }

            if (Bit(4).Length > 0)
            {
                if (Bit(3) == "standard")
                {
                    throw Invalid(text, $"The EBS block device mapping '{text}' gives IOPS, which the standard volume type does not allow.");
                }

                if (!int.TryParse(Bit(4), NumberStyles.None, CultureInfo.InvariantCulture, out int iops))
                {
                    throw Invalid(text, $"The fifth element of the EBS block device mapping '{text}' must be a number of IOPS.");
                }

                mapping.Iops = iops;
            }

            if (!mapping.IsEbs)
            {
                throw Invalid(text, $"The EBS block device mapping '{text}' must give at least one element; use '{device}=none' to suppress a device.");
            }

            return mapping;
        }

        private static EucaException Invalid(string text, string message) =>
            new EucaException(ErrorIds.BlockDeviceMappingInvalid, EucaErrorCategory.InvalidArgument, message, text);
    }
}
