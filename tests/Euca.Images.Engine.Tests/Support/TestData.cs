using System;
using System.IO;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>Finds /work/shared/testdata-style reference data: ../shared/testdata next to the repository root.</summary>
    public static class TestData
    {
        public static string Euca2ools => Path.Combine(Root, "euca2ools-3.4");

        private static string Root
        {
            get
            {
                for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                {
                    if (!File.Exists(Path.Combine(dir.FullName, "Euca.Images.sln")))
                    {
                        continue;
                    }
                    foreach (string candidate in new[] { Path.Combine(dir.FullName, "shared", "testdata"), Path.Combine(dir.FullName, "..", "shared", "testdata"), Path.Combine(dir.FullName, "..", "..", "shared", "testdata") })
                    {
                        if (Directory.Exists(candidate))
                        {
                            return Path.GetFullPath(candidate);
                        }
                    }
                }
                throw new DirectoryNotFoundException("shared/testdata not found above " + AppContext.BaseDirectory);
            }
        }
    }
}
