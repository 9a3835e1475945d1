using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Bundling.Tar
{
    /// <summary>
    /// The decrypted, decompressed stream is not a tar archive this reader understands: <c>BundleArchiveInvalid</c>.
    /// Its own type lets the payload reader hold it back until the image digest, which explains a broken archive
    /// better, has been checked.
    /// </summary>
    internal sealed class TarFormatException : EucaException
    {
        public TarFormatException(string message)
            : base(ErrorIds.BundleArchiveInvalid, EucaErrorCategory.InvalidData, message)
        {
        }
    }
}
