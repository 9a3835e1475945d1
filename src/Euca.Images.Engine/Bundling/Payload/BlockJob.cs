using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Compression;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>One block of the tar stream on its way through the parallel compressors, kept in stream order.</summary>
    internal sealed class BlockJob
    {
        public BlockJob(byte[] input, int inputLength)
        {
            Input = input;
            InputLength = inputLength;
        }

        public byte[] Input { get; }

        public int InputLength { get; }

        public CompressedBlock? Result { get; set; }

        public TaskCompletionSource<bool> Done { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
