namespace Euca.Images.Engine.Bundling.Tar
{
    /// <summary>Where the tar reader puts the image: data in order, holes as skips, then the final size.</summary>
    internal interface IImageSink
    {
        void Write(byte[] buffer, int offset, int count);

        /// <summary>Advances over <paramref name="count"/> bytes of zeros.</summary>
        void SkipZeros(long count);

        long Position { get; }

        /// <summary>Ends the image at <paramref name="length"/> bytes (a trailing hole becomes zeros).</summary>
        void Complete(long length);
    }
}
