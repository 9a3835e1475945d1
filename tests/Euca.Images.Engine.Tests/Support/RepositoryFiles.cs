using System;
using System.IO;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>Files of the repository the tests run from, found by walking up from the test binaries to the solution.</summary>
    internal static class RepositoryFiles
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(FindRoot);

        public static string Root => RootPath.Value;

        public static string Path(params string[] relative) => System.IO.Path.Combine(Root, System.IO.Path.Combine(relative));

        private static string FindRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "Euca.Images.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Euca.Images.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
