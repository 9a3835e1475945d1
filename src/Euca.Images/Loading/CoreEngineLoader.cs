using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Euca.Images.Loading
{
    /// <summary>
    /// PowerShell 7: when the default context fails to find the engine (it is deliberately not beside the cmdlet
    /// assembly), load it into <see cref="EngineLoadContext"/>, which then resolves everything the engine needs.
    /// </summary>
    internal static class CoreEngineLoader
    {
        private static EngineLoadContext? s_context;
        private static string? s_enginePath;

        public static void Register(string dependencyDirectory)
        {
            // Import-Module -Force calls OnRemove and then OnImport in the same process. The load context (and the
            // engine already loaded in it) must be kept, since assemblies cannot be unloaded, but the handler must be
            // hooked again. Removing it first keeps it from being hooked twice.
            s_enginePath ??= Path.Combine(dependencyDirectory, ModuleInitializer.EngineAssemblyName + ".dll");
            s_context ??= new EngineLoadContext(dependencyDirectory);
            AssemblyLoadContext.Default.Resolving -= ResolveEngine;
            AssemblyLoadContext.Default.Resolving += ResolveEngine;
        }

        public static void Unregister()
        {
            AssemblyLoadContext.Default.Resolving -= ResolveEngine;
        }

        private static Assembly? ResolveEngine(AssemblyLoadContext defaultContext, AssemblyName name)
        {
            // Only the engine's own name is served here. Asking the engine context for anything it lacks would fall
            // back to the default context, fire this event again and recurse until the process dies.
            if (name.Name != ModuleInitializer.EngineAssemblyName || s_context is null || !File.Exists(s_enginePath))
            {
                return null;
            }

            return s_context.LoadFromAssemblyPath(s_enginePath);
        }
    }
}
