using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Euca.Images.Engine.Bundling
{
    /// <summary>
    /// Where bundles go when no destination is given. Like euca2ools: $TMPDIR, $TEMP, $TMP, else /var/tmp on Unix,
    /// because /tmp is often a small RAM disk and bundles are as large as images.
    /// </summary>
    public static class LargeFileTempDirectory
    {
        public static string CreateBundleDirectory()
        {
            string root = Root();
            string path = Path.Combine(root, "bundle-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(path);
            return path;
        }

        private static string Root()
        {
            foreach (string variable in new[] { "TMPDIR", "TEMP", "TMP" })
            {
                string? value = Environment.GetEnvironmentVariable(variable);
                if (!string.IsNullOrEmpty(value) && Directory.Exists(value))
                {
                    return value!;
                }
            }

            return RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || !Directory.Exists("/var/tmp")
                ? Path.GetTempPath()
                : "/var/tmp";
        }
    }
}
