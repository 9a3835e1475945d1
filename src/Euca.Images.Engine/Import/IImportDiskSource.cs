using System.Threading;
using System.Threading.Tasks;

namespace Euca.Images.Engine.Import
{
    /// <summary>
    /// A disk to import that is not a local file (an object in another cloud's storage): its bytes are read by range
    /// as each part is sent, so the disk is never copied to local storage. Already in a wire format (RAW or a
    /// stream-optimized VMDK), since nothing converts it on the way.
    /// </summary>
    public interface IImportDiskSource
    {
        /// <summary>What messages call the disk, for example <c>s3://bucket/key</c>.</summary>
        string Name { get; }

        /// <summary>The part of the name the manifest and the part keys use (no folders).</summary>
        string FileName { get; }

        /// <summary>The bytes sent.</summary>
        long Length { get; }

        /// <summary>The disk's size as a volume sees it (the length for RAW, the capacity for a VMDK).</summary>
        long ImageBytes { get; }

        ImportDiskFormat Format { get; }

        /// <summary>Reads exactly <paramref name="length"/> bytes from <paramref name="start"/> into the buffer.</summary>
        Task ReadAsync(long start, byte[] buffer, int length, CancellationToken cancellationToken);
    }
}
