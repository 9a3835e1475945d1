using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Images.Registration;

namespace Euca.Images.Arguments
{
    /// <summary>
    /// Turns a -BlockDeviceMapping value into the engine's mapping: a euca2ools string (<c>/dev/sdb=ephemeral0</c>,
    /// <c>/dev/sdc=none</c>, <c>/dev/sdd=snap-…:20:true:standard</c>) or a hashtable with DeviceName and VirtualName,
    /// NoDevice, or the EBS keys SnapshotId, VolumeSize, DeleteOnTermination, VolumeType, Iops (flat or under Ebs, as
    /// AWS.Tools writes them).
    /// </summary>
    internal static class BlockDeviceMappingArgument
    {
        public static ImageBlockDeviceMapping Convert(object? value)
        {
            object? item = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (item is string text)
            {
                return BlockDeviceMappingParser.Parse(text);
            }

            if (item is IDictionary table)
            {
                return FromTable(table);
            }

            throw Invalid(item, $"A block device mapping must be a string such as '/dev/sdb=ephemeral0' or a hashtable, not {item?.GetType().Name ?? "null"}.");
        }

        private static ImageBlockDeviceMapping FromTable(IDictionary table)
        {
            var mapping = new ImageBlockDeviceMapping();
            foreach (DictionaryEntry entry in table)
            {
                string key = entry.Key?.ToString() ?? string.Empty;
                object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                if (key.Equals("Ebs", StringComparison.OrdinalIgnoreCase) && value is IDictionary ebs)
                {
                    foreach (DictionaryEntry inner in ebs)
                    {
                        Set(mapping, inner.Key?.ToString() ?? string.Empty, inner.Value is PSObject w ? w.BaseObject : inner.Value, table);
                    }
                }
                else
                {
                    Set(mapping, key, value, table);
                }
            }

            if (string.IsNullOrEmpty(mapping.DeviceName))
            {
                throw Invalid(table, "A block device mapping hashtable needs a DeviceName.");
            }

            return mapping;
        }

        private static void Set(ImageBlockDeviceMapping mapping, string key, object? value, IDictionary table)
        {
            switch (key.ToLowerInvariant())
            {
                case "devicename": mapping.DeviceName = Text(value); break;
                case "virtualname": mapping.VirtualName = Text(value); break;
                case "nodevice": mapping.NoDevice = value is string s ? s.Length == 0 || LanguagePrimitives.IsTrue(s) : LanguagePrimitives.IsTrue(value); break;
                case "snapshotid": mapping.SnapshotId = Text(value); break;
                case "volumesize": mapping.VolumeSizeGiB = LanguagePrimitives.ConvertTo<int>(value); break;
                case "deleteontermination": mapping.DeleteOnTermination = LanguagePrimitives.ConvertTo<bool>(value); break;
                case "volumetype": mapping.VolumeType = Text(value); break;
                case "iops": mapping.Iops = LanguagePrimitives.ConvertTo<int>(value); break;
                default:
                    throw Invalid(table, $"The block device mapping key '{key}' is not known: use DeviceName, VirtualName, NoDevice, SnapshotId, VolumeSize, DeleteOnTermination, VolumeType or Iops.");
            }
        }

        private static string? Text(object? value) => value == null ? null : System.Convert.ToString(value, CultureInfo.InvariantCulture);

        private static EucaException Invalid(object? target, string message) =>
            new EucaException(ErrorIds.BlockDeviceMappingInvalid, EucaErrorCategory.InvalidArgument, message, target);
    }
}
