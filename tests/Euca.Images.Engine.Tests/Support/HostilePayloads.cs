using System;
using System.IO;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling.Payload;
using Euca.Images.Engine.Bundling.Tar;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// Builds payloads by hand (tar blocks of any shape, then gzip and AES-128-CBC with the harness key) so tests can
    /// feed the reader what no bundler would write, and reads them back from memory.
    /// </summary>
    public static class HostilePayloads
    {
        /// <summary>A 512-byte tar header with a valid checksum; <paramref name="customize"/> may change any byte first.</summary>
        public static byte[] Header(string name, long size, char type = '0', Action<byte[]>? customize = null)
        {
            var header = new byte[TarConstants.BlockSize];
            Encoding.ASCII.GetBytes(name, 0, Math.Min(name.Length, 100), header, 0);
            TarNumeric.WriteOctal(header, 100, 8, Convert.ToInt32("644", 8));
            TarNumeric.WriteOctal(header, 124, 12, size);
            TarNumeric.WriteOctal(header, 136, 12, 0);
            header[156] = (byte)type;
            Encoding.ASCII.GetBytes("ustar  \0", 0, 8, header, 257);
            customize?.Invoke(header);
            Seal(header);
            return header;
        }

        /// <summary>Writes the checksum field for the header's current bytes.</summary>
        public static void Seal(byte[] header)
        {
            for (int i = 148; i < 156; i++) header[i] = (byte)' ';
            TarNumeric.WriteOctal(header, 148, 7, TarChecksum.Compute(header));
            header[155] = (byte)' ';
        }

        /// <summary>Data padded to whole blocks.</summary>
        public static byte[] Padded(byte[] data)
        {
            var padded = new byte[(data.Length + 511) / 512 * 512];
            Buffer.BlockCopy(data, 0, padded, 0, data.Length);
            return padded;
        }

        /// <summary>gzip, then AES-128-CBC with <see cref="PayloadHarness.Key"/>: the bytes of a one-part bundle.</summary>
        public static byte[] Encrypt(Action<Stream> writeTar)
        {
            using var aes = Aes.Create();
            using var output = new MemoryStream();
            using (var crypto = new CryptoStream(output, aes.CreateEncryptor(PayloadHarness.Key, PayloadHarness.Iv), CryptoStreamMode.Write, leaveOpen: true))
            using (var gzip = new GZipStream(crypto, CompressionLevel.Fastest))
            {
                writeTar(gzip);
            }
            return output.ToArray();
        }

        public static byte[] Encrypt(byte[] tar) => Encrypt(stream => stream.Write(tar, 0, tar.Length));

        /// <summary>One part held in memory, with its true SHA-1.</summary>
        public static PayloadPartSource[] InMemory(byte[] part) =>
            new[] { new PayloadPartSource(0, "x.part.00", Convert.ToHexString(SHA1.HashData(part)), _ => Task.FromResult<Stream>(new MemoryStream(part, false))) };

        /// <summary>Reads the payload, verifying only, as Test-EucaBundle's decrypt pass does.</summary>
        public static Task<PayloadReadResult> ReadAsync(PayloadPartSource[] parts, PayloadExpectation expected, CancellationToken ct = default) =>
            PayloadReader.ReadAsync(parts, PayloadHarness.Key, PayloadHarness.Iv, expected, output: null, progress: null, ct);
    }
}
