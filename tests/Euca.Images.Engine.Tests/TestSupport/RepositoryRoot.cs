using System;
using System.IO;

namespace Euca.Images.Engine.Tests.TestSupport
{
    /// <summary>The clone the tests run from, found from the test binaries by walking up to the solution file.</summary>
    internal static class RepositoryRoot
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(Find);

        public static string Path => RootPath.Value;

        private static string Find()
        {
            DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Euca.Images.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new DirectoryNotFoundException("No Euca.Images.sln above " + AppContext.BaseDirectory);
        }
    }
}
