using Euca.Images.Engine.Bundling.Tar;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>An image sink that only counts: what a verify-only pass does with the image.</summary>
    internal sealed class DiscardingImageSink : IImageSink
    {
        public long Position { get; private set; }

        public void Write(byte[] buffer, int offset, int count) => Position += count;

        public void SkipZeros(long count) => Position += count;

        public void Complete(long length) => Position = length;
    }
}
