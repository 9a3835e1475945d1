using System;
using System.IO;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Bundling.Tar
{
    /// <summary>
    /// Produces the bytes of a tar archive holding one regular file (the image) without copying the image
    /// anywhere first: headers, then the image read straight into the caller's buffer, then padding and trailer.
    /// </summary>
    internal sealed class SingleMemberTarSource
    {
        private readonly Stream image;
        private readonly string imagePath;
        private readonly byte[] headers;
        private readonly long imageSize;
        private readonly long trailerLength;
        private long position;

        public SingleMemberTarSource(Stream image, string imagePath, string memberName, long imageSize)
        {
            this.image = image;
            this.imagePath = imagePath;
            this.imageSize = imageSize;
            headers = GnuTarHeaderWriter.BuildHeaders(memberName, imageSize);
            trailerLength = GnuTarHeaderWriter.TrailerLength(headers.Length, imageSize);
            Length = headers.Length + imageSize + trailerLength;
        }

        /// <summary>Total length of the tar stream.</summary>
        public long Length { get; }

        public long ImageBytesRead { get; private set; }

        /// <summary>Fills <paramref name="buffer"/> as far as possible; returns 0 only at the end of the archive.</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            int total = 0;
            while (total < count && position < Length)
            {
                int n;
                if (position < headers.Length)
                {
                    n = (int)Math.Min(count - total, headers.Length - position);
                    Buffer.BlockCopy(headers, (int)position, buffer, offset + total, n);
                }
                else if (position < headers.Length + imageSize)
                {
                    int wanted = (int)Math.Min(count - total, headers.Length + imageSize - position);
                    n = image.Read(buffer, offset + total, wanted);
                    if (n == 0)
                    {
                        throw new EucaException(ErrorIds.ImageSizeChanged, EucaErrorCategory.InvalidData,
                            $"The image ended after {ImageBytesRead} bytes but was {imageSize} bytes long when bundling started; it must not change while it is bundled.",
                            imagePath);
                    }
                    ImageBytesRead += n;
                }
                else
                {
                    n = (int)Math.Min(count - total, Length - position);
                    Array.Clear(buffer, offset + total, n);
                }
                position += n;
                total += n;
            }
            return total;
        }
    }
}
