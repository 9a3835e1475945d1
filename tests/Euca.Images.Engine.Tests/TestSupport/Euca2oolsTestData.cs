using System;
using System.IO;

namespace Euca.Images.Engine.Tests.TestSupport
{
    /// <summary>Locates the committed euca2ools 3.4 bundles (shared/testdata next to or above the repository).</summary>
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

        // shared/ sits beside the repository, or further up when the repository is checked out in a subfolder, so
        // after finding the solution directory every ancestor is tried.
        private static string FindRoot()
        {
            DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Euca.Images.sln"))) dir = dir.Parent;
            for (; dir != null; dir = dir.Parent)
            {
                string path = Path.Combine(dir.FullName, "shared", "testdata", "euca2ools-3.4");
                if (Directory.Exists(path)) return path;
            }
            throw new DirectoryNotFoundException("shared/testdata/euca2ools-3.4 not found above the solution of " + AppContext.BaseDirectory);
        }
    }
}
