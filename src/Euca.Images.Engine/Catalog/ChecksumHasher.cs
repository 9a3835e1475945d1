using System;
using System.Globalization;
using System.IO.Hashing;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Euca.Images.Engine.Crypto;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// Hashes bytes as they stream past in the way a <see cref="CatalogChecksumAlgorithm"/> names, and compares the
    /// result at the end: nothing is read twice.
    /// </summary>
    internal sealed class ChecksumHasher : IDisposable
    {
        private readonly CatalogChecksumAlgorithm _algorithm;
        private readonly IncrementalHash _hash;

        public ChecksumHasher(CatalogChecksumAlgorithm algorithm)
        {
            _algorithm = algorithm;
            _hash = IncrementalHash.CreateHash(algorithm switch
            {
                CatalogChecksumAlgorithm.Sha512 => HashAlgorithmName.SHA512,
                CatalogChecksumAlgorithm.Sha256 => HashAlgorithmName.SHA256,
                _ => HashAlgorithmName.MD5,
            });
        }

        public void Append(byte[] buffer, int offset, int count) => _hash.AppendData(buffer, offset, count);

        /// <summary>Throws <see cref="ErrorIds.CatalogChecksumMismatch"/> when the bytes seen do not have the expected checksum.</summary>
        public void Verify(CatalogChecksum expected, string what) => Compare(expected, Finish(), what);

        /// <summary>The checksum of the bytes seen, written as the catalog writes it.</summary>
        public string Finish()
        {
            string hex = HexEncoding.ToLowerHex(_hash.GetHashAndReset());
            // eustore named each image after crc32(md5 hex digest of the tarball), printed as ten decimal digits.
            return _algorithm == CatalogChecksumAlgorithm.EustoreCrc32OfMd5
                ? Crc32.HashToUInt32(Encoding.ASCII.GetBytes(hex)).ToString("D10", CultureInfo.InvariantCulture)
                : hex;
        }

        public static void Compare(CatalogChecksum expected, string actual, string what)
        {
            CheckForm(expected);
            if (!string.Equals(actual, expected.Value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                throw new EucaException(ErrorIds.CatalogChecksumMismatch, EucaErrorCategory.InvalidData,
                    $"{what} has {expected.Algorithm} checksum {actual}, but the catalog says {expected.Value}: it is corrupt or was replaced.", what);
            }
        }

        public void Dispose() => _hash.Dispose();

        /// <summary>Refuses a malformed checksum before anything is downloaded.</summary>
        public static void CheckForm(CatalogChecksum checksum)
        {
            string value = checksum.Value.Trim();
            bool wellFormed = checksum.Algorithm switch
            {
                CatalogChecksumAlgorithm.EustoreCrc32OfMd5 => value.Length == 10 && value.All(c => c >= '0' && c <= '9'),
                CatalogChecksumAlgorithm.Sha256 => value.Length == 64 && value.All(Uri.IsHexDigit),
                _ => value.Length == 128 && value.All(Uri.IsHexDigit),
            };
            if (!wellFormed)
            {
                throw new EucaException(ErrorIds.CatalogChecksumInvalid, EucaErrorCategory.InvalidData,
                    $"The catalog's {checksum.Algorithm} checksum '{checksum.Value}' is malformed.", checksum.Value);
            }
        }
    }
}
