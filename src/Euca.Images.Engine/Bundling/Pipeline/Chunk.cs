using System.Buffers;

namespace Euca.Images.Engine.Bundling.Pipeline
{
    /// <summary>A piece of a stream in a buffer rented from the shared pool; the consumer returns it.</summary>
    internal sealed class Chunk
    {
        public Chunk(byte[] buffer, int length)
        {
            Buffer = buffer;
            Length = length;
        }

        public byte[] Buffer { get; }

        public int Length { get; }

        public static Chunk Rent(int size) => new Chunk(ArrayPool<byte>.Shared.Rent(size), 0);

        public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
    }
}
