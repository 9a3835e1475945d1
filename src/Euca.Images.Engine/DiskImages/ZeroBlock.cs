using System;

namespace Euca.Images.Engine.DiskImages
{
    /// <summary>
    /// Detects all-zero buffers (most of a disk image) with the runtime's vectorised comparison: the bundler reuses
    /// one compressed zero block for them, and raw output leaves them as holes.
    /// </summary>
    internal static class ZeroBlock
    {
        private static readonly byte[] Zeros = new byte[1 << 16];

        public static bool IsAllZero(byte[] buffer, int offset, int count)
        {
            var span = new ReadOnlySpan<byte>(buffer, offset, count);
            while (span.Length > 0)
            {
                int n = Math.Min(span.Length, Zeros.Length);
                if (!span.Slice(0, n).SequenceEqual(new ReadOnlySpan<byte>(Zeros, 0, n)))
                {
                    return false;
                }
                span = span.Slice(n);
            }
            return true;
        }
    }
}
