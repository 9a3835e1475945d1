using System;
using System.Security.Cryptography;

namespace Euca.Images.Engine.Crypto
{
    /// <summary>
    /// The AES-128-CBC key and IV of one bundle. The format carries them as 32 lower-case hex characters
    /// (euca2ools' <c>'{0:0>32x}'</c>), and it is that ASCII text, not the raw bytes, that gets RSA-wrapped.
    /// </summary>
    public sealed class BundleKeyMaterial
    {
        public const int KeyLength = 16;
        private const int HexLength = 2 * KeyLength;

        private readonly byte[] _key;
        private readonly byte[] _iv;

        private BundleKeyMaterial(byte[] key, byte[] iv)
        {
            _key = key;
            _iv = iv;
            KeyHex = HexEncoding.ToLowerHex(key);
            IvHex = HexEncoding.ToLowerHex(iv);
        }

        public string KeyHex { get; }

        public string IvHex { get; }

        /// <summary>A copy of the 16-byte AES key.</summary>
        public byte[] GetKey() => (byte[])_key.Clone();

        /// <summary>A copy of the 16-byte IV.</summary>
        public byte[] GetIv() => (byte[])_iv.Clone();

        public static BundleKeyMaterial Generate()
        {
            var key = new byte[KeyLength];
            var iv = new byte[KeyLength];
            using (RandomNumberGenerator random = RandomNumberGenerator.Create())
            {
                random.GetBytes(key);
                random.GetBytes(iv);
            }
            return new BundleKeyMaterial(key, iv);
        }

        /// <summary>Uses a given key and IV (32 hex characters each), like euca2ools' hidden --enc-key/--enc-iv.</summary>
        public static BundleKeyMaterial FromHex(string keyHex, string ivHex)
        {
            if (!TryFromHex(keyHex, ivHex, out BundleKeyMaterial? material))
            {
                throw new ArgumentException("The bundle key and IV must be 32 hexadecimal characters each.");
            }
            return material!;
        }

        internal static bool TryFromHex(string? keyHex, string? ivHex, out BundleKeyMaterial? material)
        {
            material = null;
            if (!HexEncoding.IsHex(keyHex, HexLength) || !HexEncoding.IsHex(ivHex, HexLength)) return false;
            HexEncoding.TryDecode(keyHex, out byte[] key);
            HexEncoding.TryDecode(ivHex, out byte[] iv);
            material = new BundleKeyMaterial(key, iv);
            return true;
        }
    }
}
