using System;

namespace Euca.Images.Engine.DiskImages
{
    /// <summary>
    /// The file ranges an image's tables claim (headers, tables, blocks), checked for overlaps once all are known:
    /// two blocks in one place, or a block on top of a table, is how loops and crafted aliasing show. Holds two
    /// numbers per allocated block while the image opens, not the image's data.
    /// </summary>
    internal sealed class RangeClaims
    {
        private long[] _starts = new long[64];
        private long[] _ends = new long[64];
        private int _count;

        public void Add(long start, long length)
        {
            if (_count == _starts.Length)
            {
                Array.Resize(ref _starts, _count * 2);
                Array.Resize(ref _ends, _count * 2);
            }

            _starts[_count] = start;
            _ends[_count] = start + length;
            _count++;
        }

        /// <summary>Refuses the image when any two claimed ranges share a byte.</summary>
        public void CheckNoOverlap(string path)
        {
            Array.Sort(_starts, _ends, 0, _count);
            for (int i = 1; i < _count; i++)
            {
                if (_starts[i] < _ends[i - 1])
                {
                    throw DiskImageFailure.TableInvalid(path,
                        $"the ranges at bytes {_starts[i - 1]}..{_ends[i - 1] - 1} and {_starts[i]}..{_ends[i] - 1} of the file are claimed twice");
                }
            }
        }
    }
}
