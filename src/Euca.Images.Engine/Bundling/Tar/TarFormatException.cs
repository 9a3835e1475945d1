using System;

namespace Euca.Images.Engine.Bundling.Tar
{
    /// <summary>The decrypted, decompressed stream is not a tar archive this reader understands.</summary>
    internal sealed class TarFormatException : Exception
    {
        public TarFormatException(string message) : base(message)
        {
        }
    }
}
