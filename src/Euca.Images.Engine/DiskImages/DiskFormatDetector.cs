using System;
using Euca.Images.Engine.DiskImages.Qcow2;
using Euca.Images.Engine.DiskImages.Vhd;
using Euca.Images.Engine.DiskImages.Vhdx;
using Euca.Images.Engine.DiskImages.Vmdk;

namespace Euca.Images.Engine.DiskImages
{
    /// <summary>
    /// Picks the reader by content, never by file name, in the order of the formats' signatures (VHDX, QCOW2, sparse
    /// VMDK, dynamic VHD at the start; a VMDK descriptor; a fixed VHD's footer at the end). A raw disk has no
    /// signature: it is what is left. A file that carries a signature but fails its checks is refused, not taken as
    /// raw, so a damaged image never turns into a wrong disk.
    /// </summary>
    internal static class DiskFormatDetector
    {
        private const int ProbeLength = 64 * 1024;

        public static DiskReader Open(ImageFile file)
        {
            var start = new byte[ProbeLength];
            int length = file.ReadAvailable(0, start, 0, start.Length);
            if (StartsWith(start, length, "vhdxfile"))
            {
                return VhdxDisk.Open(file);
            }

            if (StartsWith(start, length, "QFI\xFB"))
            {
                return Qcow2Disk.Open(file);
            }

            if (StartsWith(start, length, "KDMV"))
            {
                return VmdkSparseDisk.Open(file);
            }

            if (StartsWith(start, length, "COWD"))
            {
                throw DiskImageFailure.Unsupported(file.Path, "a VMware ESX sparse extent (vmfsSparse)");
            }

            if (StartsWith(start, length, "conectix"))
            {
                return VhdDisk.OpenDynamic(file, start.AsSpan(0, VhdFooter.Length).ToArray());
            }

            if (file.Length <= VmdkDescriptor.MaxLength && VmdkDescriptor.LooksLikeDescriptor(start, length))
            {
                return VmdkFlatDisk.Open(file);
            }

            if (file.Length >= 2 * VhdFooter.Length)
            {
                byte[] end = file.ReadBytes(file.Length - VhdFooter.Length, VhdFooter.Length, "the last sector");
                if (VhdFooter.LooksLikeFooter(end))
                {
                    return VhdDisk.OpenFixed(file, VhdFooter.Parse(end, file.Path, "at the end"));
                }
            }

            return new RawDisk(file);
        }

        /// <summary>Whether the file starts with <paramref name="signature"/>, whose characters are single bytes.</summary>
        private static bool StartsWith(byte[] bytes, int length, string signature)
        {
            if (length < signature.Length)
            {
                return false;
            }

            for (int i = 0; i < signature.Length; i++)
            {
                if (bytes[i] != (byte)signature[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
