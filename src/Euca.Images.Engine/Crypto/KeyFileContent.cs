using System;
using System.IO;
using System.Text;
using Euca.Images.Engine.Errors;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Utilities.IO.Pem;
using Euca.Images.Engine.Files;

namespace Euca.Images.Engine.Crypto
{
    /// <summary>What a key or certificate file holds, judged from its bytes rather than its extension.</summary>
    internal enum KeyFileKind
    {
        Pem,
        Pkcs12,
        Pkcs1RsaPrivateKey,
        Pkcs8PrivateKey,
        EncryptedPkcs8PrivateKey,
        Sec1EcPrivateKey,
        OtherDer,
        Unknown,
    }

    internal static class KeyFileContent
    {
        private const string PemBegin = "-----BEGIN ";

        /// <summary>Far above any key, certificate or PKCS#12 file with its chain.</summary>
        private const long MaxKeyFileBytes = 4 * 1024 * 1024;

        public static byte[] ReadFile(string path, Func<Exception, Exception> onFailure)
        {
            try
            {
                return RegularFile.ReadAllBytes(path, MaxKeyFileBytes);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw onFailure(e);
            }
        }

        public static EucaErrorCategory CategoryOf(Exception readFailure) =>
            readFailure is FileNotFoundException || readFailure is DirectoryNotFoundException
                ? EucaErrorCategory.ObjectNotFound
                : readFailure is UnauthorizedAccessException ? EucaErrorCategory.PermissionDenied : EucaErrorCategory.InvalidData;

        public static KeyFileKind Classify(byte[] data)
        {
            if (LooksLikePem(data)) return KeyFileKind.Pem;
            Asn1Sequence? sequence = TryParseSequence(data);
            if (sequence == null || sequence.Count < 2) return KeyFileKind.Unknown;

            // The structures differ in their first elements: PFX starts with version 3 and a ContentInfo,
            // PKCS#8 with version 0/1 and an AlgorithmIdentifier, PKCS#1 with version 0 and nine integers,
            // encrypted PKCS#8 with an AlgorithmIdentifier, SEC1 (EC) with version 1 and an OCTET STRING.
            if (sequence[0] is DerInteger version)
            {
                int v = version.HasValue(3) ? 3 : version.HasValue(1) ? 1 : version.HasValue(0) ? 0 : -1;
                if (v == 3 && sequence[1] is Asn1Sequence) return KeyFileKind.Pkcs12;
                if (v == 0 && sequence.Count >= 9 && sequence[1] is DerInteger) return KeyFileKind.Pkcs1RsaPrivateKey;
                if ((v == 0 || v == 1) && sequence[1] is Asn1Sequence) return KeyFileKind.Pkcs8PrivateKey;
                if (v == 1 && sequence[1] is Asn1OctetString) return KeyFileKind.Sec1EcPrivateKey;
                return KeyFileKind.OtherDer;
            }
            if (sequence.Count == 2 && sequence[0] is Asn1Sequence && sequence[1] is Asn1OctetString)
            {
                return KeyFileKind.EncryptedPkcs8PrivateKey;
            }
            return KeyFileKind.OtherDer;
        }

        /// <summary>The content of the first PEM block of the given type, or null when there is none.</summary>
        public static byte[]? FirstPemBlock(byte[] data, string type)
        {
            using (var reader = new PemReader(new StringReader(AsText(data))))
            {
                PemObject? block;
                while ((block = reader.ReadPemObject()) != null)
                {
                    if (block.Type == type) return block.Content;
                }
            }
            return null;
        }

        public static string AsText(byte[] data) => new UTF8Encoding(false, false).GetString(data);

        private static bool LooksLikePem(byte[] data)
        {
            // PEM files may carry text before the first block (openssl x509 -text), so look for the marker anywhere.
            return AsText(data).IndexOf(PemBegin, StringComparison.Ordinal) >= 0;
        }

        private static Asn1Sequence? TryParseSequence(byte[] data)
        {
            try
            {
                return Asn1Object.FromByteArray(data) as Asn1Sequence;
            }
            catch (Exception e) when (e is IOException || e is ArgumentException || e is InvalidOperationException || e is FormatException)
            {
                return null;
            }
        }
    }
}
