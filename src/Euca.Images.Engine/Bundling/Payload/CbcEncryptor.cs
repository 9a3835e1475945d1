using System;
using System.Security.Cryptography;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>
    /// AES-128-CBC with PKCS#7 padding and no header, as <c>openssl enc -e -aes-128-cbc -K -iv</c> writes it,
    /// fed with arbitrary pieces. The transform is used directly (not CryptoStream) so the ciphertext can go on
    /// to an asynchronous part sink without sync-over-async.
    /// </summary>
    internal sealed class CbcEncryptor : IDisposable
    {
        private const int AesBlock = 16;
        private readonly Aes aes;
        private readonly ICryptoTransform transform;
        private readonly byte[] carry = new byte[AesBlock];
        private int carryLength;

        public CbcEncryptor(byte[] key, byte[] iv)
        {
            aes = Aes.Create();
            aes.Mode = CipherMode.CBC;
            aes.Padding = PaddingMode.PKCS7;
            aes.Key = key;
            aes.IV = iv;
            transform = aes.CreateEncryptor();
        }

        /// <summary>The output buffer must hold <paramref name="count"/> + 16 bytes.</summary>
        public int Transform(byte[] input, int offset, int count, byte[] output)
        {
            int written = 0;
            if (carryLength > 0)
            {
                int fill = Math.Min(AesBlock - carryLength, count);
                Buffer.BlockCopy(input, offset, carry, carryLength, fill);
                carryLength += fill;
                offset += fill;
                count -= fill;
                if (carryLength < AesBlock)
                {
                    return 0;
                }
                written += transform.TransformBlock(carry, 0, AesBlock, output, 0);
                carryLength = 0;
            }
            int whole = count / AesBlock * AesBlock;
            if (whole > 0)
            {
                written += transform.TransformBlock(input, offset, whole, output, written);
            }
            carryLength = count - whole;
            Buffer.BlockCopy(input, offset + whole, carry, 0, carryLength);
            return written;
        }

        /// <summary>Pads and encrypts what is left: always 16 bytes (PKCS#7 adds a whole block when aligned).</summary>
        public byte[] Final() => transform.TransformFinalBlock(carry, 0, carryLength);

        public void Dispose()
        {
            transform.Dispose();
            aes.Dispose();
        }
    }
}
