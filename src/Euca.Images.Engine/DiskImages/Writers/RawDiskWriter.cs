using System.IO;

namespace Euca.Images.Engine.DiskImages.Writers
{
    /// <summary>
    /// The raw disk as a sparse file: units with data are written at their own offset, all-zero units are skipped
    /// with a seek and become holes, and the file is cut to the exact disk size at the end.
    /// </summary>
    public sealed class RawDiskWriter : DiskImageWriter
    {
        public RawDiskWriter(Stream file, long imageSize)
            : base(file, imageSize)
        {
        }

        public override DiskFormat Format => DiskFormat.Raw;

        public override string Subformat => "raw";

        protected override void WriteUnit(long diskOffset, byte[] buffer, int offset, int length)
        {
            if (File.Position != diskOffset)
            {
                File.Position = diskOffset;
            }

            File.Write(buffer, offset, length);
        }

        protected override void Finish() => File.SetLength(ImageSize);
    }
}
