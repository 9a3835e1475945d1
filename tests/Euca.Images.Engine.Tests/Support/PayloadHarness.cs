using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Payload;

namespace Euca.Images.Engine.Tests.Support
{
    public static class PayloadHarness
    {
        public static readonly byte[] Key = Convert.FromHexString("00112233445566778899aabbccddeeff");
        public static readonly byte[] Iv = Convert.FromHexString("0f0e0d0c0b0a09080706050403020100");
        public const string KeyHex = "00112233445566778899aabbccddeeff";
        public const string IvHex = "0f0e0d0c0b0a09080706050403020100";

        public static Task<PayloadResult> WriteAsync(string image, string outDir, string prefix, long partSize = PayloadWriteOptions.DefaultPartSize, Action<PayloadWriteOptions>? configure = null)
        {
            var options = new PayloadWriteOptions(prefix, Key, Iv) { PartSize = partSize };
            configure?.Invoke(options);
            return PayloadWriter.WriteAsync(image, options, new FilePartSink(outDir), null, CancellationToken.None);
        }

        public static PayloadPartSource[] Sources(string dir, PayloadResult result) =>
            result.Parts.Select(p => PayloadPartSource.FromFile(p.Index, Path.Combine(dir, p.FileName), p.Sha1)).ToArray();

        public static async Task<byte[]> ReadAsync(string dir, PayloadResult result)
        {
            var output = new MemoryStream();
            await PayloadReader.ReadAsync(Sources(dir, result), Key, Iv, new PayloadExpectation(result.ImageDigestSha1, result.ImageSize), output, null, CancellationToken.None);
            return output.ToArray();
        }
    }
}
