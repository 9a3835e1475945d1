using System;
using System.IO;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// One RSA key and certificate written by openssl in every format the loaders accept, plus EC material for the
    /// negative cases. Generated once per test class into a temp directory.
    /// </summary>
    public sealed class KeyFixtures : IDisposable
    {
        public const string Password = "correct horse";

        public KeyFixtures()
        {
            Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "euca-keys-" + Guid.NewGuid().ToString("N"));
            System.IO.Directory.CreateDirectory(Directory);
            Run("genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out pkcs8.pem");
            Run("rsa -in pkcs8.pem -traditional -out pkcs1.pem");
            Run("rsa -in pkcs8.pem -traditional -aes128 -passout \"pass:" + Password + "\" -out legacy-encrypted.pem");
            Run("pkcs8 -topk8 -in pkcs8.pem -v2 aes256 -passout \"pass:" + Password + "\" -out encrypted-pbes2.pem");
            Run("pkcs8 -topk8 -in pkcs8.pem -v1 PBE-SHA1-3DES -passout \"pass:" + Password + "\" -out encrypted-pbes1.pem");
            Run("pkcs8 -topk8 -in pkcs8.pem -v2 aes256 -passout \"pass:" + Password + "\" -outform DER -out encrypted-pbes2.der");
            Run("rsa -in pkcs8.pem -traditional -outform DER -out pkcs1.der");
            Run("pkcs8 -topk8 -nocrypt -in pkcs8.pem -outform DER -out pkcs8.der");
            Run("req -x509 -new -key pkcs8.pem -subj /CN=euca-images-test -days 2 -out cert.pem");
            Run("x509 -in cert.pem -outform DER -out cert.der");
            Run("pkcs12 -export -inkey pkcs8.pem -in cert.pem -passout \"pass:" + Password + "\" -out key.pfx");
            Run("pkcs12 -export -inkey pkcs8.pem -in cert.pem -passout pass: -out key-nopass.pfx");
            Run("genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out ec-pkcs8.pem");
            Run("ec -in ec-pkcs8.pem -out ec-sec1.pem");
            Run("ec -in ec-pkcs8.pem -outform DER -out ec-sec1.der");
            Run("req -x509 -new -key ec-pkcs8.pem -subj /CN=euca-images-ec -days 2 -out ec-cert.pem");
            File.WriteAllBytes(Path("garbage.bin"), new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 });
            // openssl x509 -text puts a human-readable dump before the PEM block.
            File.WriteAllText(Path("cert-with-text.pem"),
                System.Text.Encoding.ASCII.GetString(Run("x509 -in cert.pem -text")));
        }

        public string Directory { get; }

        public string Path(string name) => System.IO.Path.Combine(Directory, name);

        public byte[] Run(string arguments) => OpenSsl.Run(arguments, null, Directory);

        public void Dispose()
        {
            try
            {
                System.IO.Directory.Delete(Directory, true);
            }
            catch (IOException)
            {
                // Temp files; leaving them behind is harmless.
            }
        }
    }
}
