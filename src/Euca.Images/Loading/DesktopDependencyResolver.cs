using System;
using System.IO;
using System.Reflection;

namespace Euca.Images.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1: .NET Framework has no load contexts, so the best possible is to serve our
    /// Dependencies/ for any request the application domain cannot satisfy (unifying lower requested versions to the
    /// ones we ship, as AWS.Tools' own initializer does). Whichever AWSSDK.Core loads first still wins there;
    /// Runtime.AwsSdkConflictCheck turns that into a clear warning.
    /// </summary>
    internal static class DesktopDependencyResolver
    {
        private static string? s_directory;

        public static void Register(string dependencyDirectory)
        {
            // Import-Module -Force removes and imports again: hook once, whatever the order.
            s_directory = dependencyDirectory;
            AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
            AppDomain.CurrentDomain.AssemblyResolve += Resolve;
        }

        public static void Unregister()
        {
            AppDomain.CurrentDomain.AssemblyResolve -= Resolve;
            s_directory = null;
        }

        private static Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            string? simpleName = new AssemblyName(args.Name).Name;
            if (s_directory is null || simpleName is null)
            {
                return null;
            }

            string candidate = Path.Combine(s_directory, simpleName + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }
    }
}
