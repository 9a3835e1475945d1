using System;
using System.IO;

namespace Euca.Images.Engine.Tests.TestSupport
{
    /// <summary>Locates the committed euca2ools 3.4 bundles (tests/TestData/euca2ools-3.4 in the repository).</summary>
    internal static class Euca2oolsTestData
    {
        /// <summary>Key and IV every testdata bundle was made with (README: --enc-key / --enc-iv).</summary>
        public const string KeyHex = "00112233445566778899aabbccddeeff";
        public const string IvHex = "0f0e0d0c0b0a09080706050403020100";

        private static readonly Lazy<string> RootPath = new Lazy<string>(FindRoot);

        public static string Root => RootPath.Value;

        public static string File(params string[] relative) => Path.Combine(Root, Path.Combine(relative));

        public static string Key(string name) => File("keys", name);

        public static string Manifest(string folder) =>
            File(folder, folder == "kernel" ? "vmlinuz-test.manifest.xml" : "disk.img.manifest.xml");

        // The repository's own copy (tests/TestData).
        private static string FindRoot()
        {
            string path = Path.Combine(RepositoryRoot.Path, "tests", "TestData", "euca2ools-3.4");
            if (!Directory.Exists(path)) throw new DirectoryNotFoundException("tests/TestData/euca2ools-3.4 not found in the repository of " + AppContext.BaseDirectory);
            return path;
        }
    }
}
