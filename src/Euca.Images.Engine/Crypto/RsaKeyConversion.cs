using System;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;

namespace Euca.Images.Engine.Crypto
{
    /// <summary>
    /// Turns a BouncyCastle RSA key into the platform's <see cref="RSA"/>, so signing and decryption use the
    /// platform implementation (CNG/CSP on Windows, OpenSSL elsewhere) and not BouncyCastle.
    /// </summary>
    internal static class RsaKeyConversion
    {
        public static RSA ToRsa(RsaPrivateCrtKeyParameters key)
        {
            byte[] modulus = key.Modulus.ToByteArrayUnsigned();
            int half = (modulus.Length + 1) / 2;
            // Windows' CSP and CNG reject parameters whose lengths are not exactly modulus-sized (D) and
            // half-modulus-sized (P, Q, DP, DQ, InverseQ); BouncyCastle strips leading zero bytes, so pad.
            var parameters = new RSAParameters
            {
                Modulus = modulus,
                Exponent = key.PublicExponent.ToByteArrayUnsigned(),
                D = Padded(key.Exponent, modulus.Length),
                P = Padded(key.P, half),
                Q = Padded(key.Q, half),
                DP = Padded(key.DP, half),
                DQ = Padded(key.DQ, half),
                InverseQ = Padded(key.QInv, half),
            };
            RSA rsa = RSA.Create();
            try
            {
                rsa.ImportParameters(parameters);
                return rsa;
            }
            catch
            {
                rsa.Dispose();
                throw;
            }
            finally
            {
                Array.Clear(parameters.D, 0, parameters.D.Length);
                Array.Clear(parameters.P, 0, parameters.P.Length);
                Array.Clear(parameters.Q, 0, parameters.Q.Length);
                Array.Clear(parameters.DP, 0, parameters.DP.Length);
                Array.Clear(parameters.DQ, 0, parameters.DQ.Length);
                Array.Clear(parameters.InverseQ, 0, parameters.InverseQ.Length);
            }
        }

        private static byte[] Padded(BigInteger value, int length)
        {
            byte[] bytes = value.ToByteArrayUnsigned();
            if (bytes.Length >= length) return bytes;
            var padded = new byte[length];
            Buffer.BlockCopy(bytes, 0, padded, length - bytes.Length, bytes.Length);
            Array.Clear(bytes, 0, bytes.Length);
            return padded;
        }
    }
}
