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
        // Runspaces of one process (ForEach-Object -Parallel, Start-ThreadJob) import the module concurrently: the
        // load context is made once per process, under this lock, so every runspace shares one copy of the engine.
        private static readonly object s_gate = new object();
        private static EngineLoadContext? s_context;
        private static string? s_enginePath;

        // Each runspace that imports the module registers; the handler stays until the last one removes it.
        private static int s_imports;

        public static void Register(string dependencyDirectory)
        {
            // Import-Module -Force calls OnRemove and then OnImport in the same process. The load context (and the
            // engine already loaded in it) must be kept, since assemblies cannot be unloaded, but the handler must be
            // hooked again. Removing it first keeps it from being hooked twice.
            lock (s_gate)
            {
                s_enginePath ??= Path.Combine(dependencyDirectory, ModuleInitializer.EngineAssemblyName + ".dll");
                s_context ??= new EngineLoadContext(dependencyDirectory);
                AssemblyLoadContext.Default.Resolving -= ResolveEngine;
                AssemblyLoadContext.Default.Resolving += ResolveEngine;
                s_imports++;
            }
        }

        public static void Unregister()
        {
            lock (s_gate)
            {
                s_imports = System.Math.Max(0, s_imports - 1);
                if (s_imports == 0)
                {
                    AssemblyLoadContext.Default.Resolving -= ResolveEngine;
                }
            }
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
