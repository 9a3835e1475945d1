using System;
using System.IO;
using System.Linq;
using System.Security;
using System.Security.Cryptography;
using Euca.Images.Engine.Errors;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace Euca.Images.Engine.Crypto
{
    /// <summary>
    /// Loads an RSA private key (for signing manifests and unwrapping bundle keys) from PEM PKCS#1 (also
    /// OpenSSL's legacy encrypted form), PEM PKCS#8 (plain or encrypted), DER PKCS#1/PKCS#8 or PKCS#12.
    /// BouncyCastle does the parsing because netstandard2.0 has no PEM or PKCS#8 import; the result is a platform
    /// <see cref="RSA"/>. Error messages never contain key bytes or passwords.
    /// </summary>
    public static class PrivateKeyLoader
    {
        /// <param name="password">The key's password, if the caller already has it.</param>
        /// <param name="passwordPrompt">
        /// Called with the file path only when the key turns out to be encrypted and <paramref name="password"/>
        /// is null; returns null when the user gives no password.
        /// </param>
        public static RSA Load(string path, SecureString? password = null, Func<string, SecureString?>? passwordPrompt = null)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            byte[] data = KeyFileContent.ReadFile(path,
                e => Unreadable(path, "cannot be read: " + e.Message, e, KeyFileContent.CategoryOf(e)));
            try
            {
                return Load(data, path, password, passwordPrompt);
            }
            finally
            {
                Array.Clear(data, 0, data.Length);
            }
        }

        /// <param name="sourceName">Shown in errors, used as their target and passed to the prompt.</param>
        public static RSA Load(byte[] data, string sourceName, SecureString? password = null, Func<string, SecureString?>? passwordPrompt = null)
        {
            if (data == null) throw new ArgumentNullException(nameof(data));
            using (var keyPassword = new KeyPassword(password, passwordPrompt, sourceName))
            {
                AsymmetricKeyParameter key = Decode(data, sourceName, keyPassword);
                if (!(key is RsaPrivateCrtKeyParameters rsaKey))
                {
                    if (key is RsaKeyParameters)
                        throw Unreadable(sourceName, "is an RSA key without CRT parameters, which is not supported", null);
                    throw NotRsa(sourceName);
                }
                try
                {
                    return RsaKeyConversion.ToRsa(rsaKey);
                }
                catch (CryptographicException e)
                {
                    throw Unreadable(sourceName, "holds an RSA key the platform rejects as inconsistent", e);
                }
            }
        }

        private static AsymmetricKeyParameter Decode(byte[] data, string sourceName, KeyPassword password)
        {
            switch (KeyFileContent.Classify(data))
            {
                case KeyFileKind.Pem:
                    return DecodePem(data, sourceName, password);
                case KeyFileKind.Pkcs12:
                    return DecodePkcs12(data, sourceName, password);
                case KeyFileKind.Pkcs1RsaPrivateKey:
                    return Plain(sourceName, () => new RsaPrivateCrtKeyParameters(RsaPrivateKeyStructure.GetInstance(Asn1Object.FromByteArray(data))));
                case KeyFileKind.Pkcs8PrivateKey:
                    return Plain(sourceName, () => PrivateKeyFactory.CreateKey(data));
                case KeyFileKind.EncryptedPkcs8PrivateKey:
                    return Encrypted(sourceName, password, chars =>
                        PrivateKeyFactory.CreateKey(PrivateKeyInfoFactory.CreatePrivateKeyInfo(chars, EncryptedPrivateKeyInfo.GetInstance(data))));
                case KeyFileKind.Sec1EcPrivateKey:
                    throw NotRsa(sourceName);
                default:
                    throw Unreadable(sourceName, "is not a PEM, DER or PKCS#12 private key", null);
            }
        }

        private static AsymmetricKeyParameter DecodePem(byte[] data, string sourceName, KeyPassword password)
        {
            try
            {
                var reader = new PemReader(new StringReader(KeyFileContent.AsText(data)), new PasswordFinder(password));
                object? item;
                while ((item = reader.ReadObject()) != null)
                {
                    // A PEM file may also carry certificates or a public key; take the first private key.
                    if (item is AsymmetricCipherKeyPair pair) return pair.Private;
                    if (item is AsymmetricKeyParameter key && key.IsPrivate) return key;
                }
            }
            catch (Exception e) when (!(e is EucaException))
            {
                if (password.Requested && !password.Supplied) throw PasswordRequired(sourceName);
                if (password.Requested) throw PasswordInvalid(sourceName, e);
                throw Unreadable(sourceName, "is not a valid PEM private key", e);
            }
            throw Unreadable(sourceName, "has no private key block", null);
        }

        private static AsymmetricKeyParameter DecodePkcs12(byte[] data, string sourceName, KeyPassword password)
        {
            // Many PFX files are exported with an empty password; try it before prompting for one.
            Pkcs12Store? store = password.IsPreset ? null : TryLoadPkcs12(data, Array.Empty<char>());
            if (store == null)
            {
                char[] chars = password.Get() ?? throw PasswordRequired(sourceName);
                store = TryLoadPkcs12(data, chars) ?? throw PasswordInvalid(sourceName, null);
            }
            string? alias = store.Aliases.FirstOrDefault(store.IsKeyEntry);
            return alias == null
                ? throw Unreadable(sourceName, "is a PKCS#12 file without a private key", null)
                : store.GetKey(alias).Key;
        }

        private static Pkcs12Store? TryLoadPkcs12(byte[] data, char[] password)
        {
            try
            {
                var store = new Pkcs12StoreBuilder().Build();
                using (var stream = new MemoryStream(data, false))
                {
                    store.Load(stream, password);
                }
                return store;
            }
            catch (Exception e) when (e is IOException || e is ArgumentException || e is InvalidOperationException || e is CryptoException)
            {
                // BouncyCastle cannot tell a wrong password from a damaged MAC; both land here.
                return null;
            }
        }

        private static AsymmetricKeyParameter Plain(string sourceName, Func<AsymmetricKeyParameter> decode)
        {
            try
            {
                return decode();
            }
            catch (Exception e) when (!(e is EucaException))
            {
                throw Unreadable(sourceName, "is not a valid DER private key", e);
            }
        }

        private static AsymmetricKeyParameter Encrypted(string sourceName, KeyPassword password, Func<char[], AsymmetricKeyParameter> decode)
        {
            char[] chars = password.Get() ?? throw PasswordRequired(sourceName);
            try
            {
                return decode(chars);
            }
            catch (Exception e) when (!(e is EucaException))
            {
                // A wrong password yields bad padding or garbage ASN.1; either way the password is at fault.
                throw PasswordInvalid(sourceName, e);
            }
        }

        private static EucaException NotRsa(string sourceName) =>
            new EucaException(ErrorIds.PrivateKeyNotRsa, EucaErrorCategory.InvalidArgument,
                $"The private key '{sourceName}' is not an RSA key; bundles are signed and encrypted with RSA only.", sourceName);

        private static EucaException PasswordRequired(string sourceName) =>
            new EucaException(ErrorIds.PrivateKeyPasswordRequired, EucaErrorCategory.AuthenticationError,
                $"The private key '{sourceName}' is encrypted and no password was given.", sourceName);

        private static EucaException PasswordInvalid(string sourceName, Exception? inner) =>
            new EucaException(ErrorIds.PrivateKeyPasswordInvalid, EucaErrorCategory.AuthenticationError,
                $"The password for the private key '{sourceName}' is wrong (or the encrypted key is damaged).", sourceName, inner);

        private static EucaException Unreadable(string sourceName, string problem, Exception? inner,
            EucaErrorCategory category = EucaErrorCategory.InvalidData) =>
            new EucaException(ErrorIds.PrivateKeyUnreadable, category, $"The private key file '{sourceName}' {problem}.", sourceName, inner);

        private sealed class PasswordFinder : IPasswordFinder
        {
            private readonly KeyPassword _password;

            public PasswordFinder(KeyPassword password) => _password = password;

            // BouncyCastle throws PasswordException on null, which DecodePem maps to PrivateKeyPasswordRequired.
            public char[]? GetPassword() => _password.Get();
        }
    }
}
