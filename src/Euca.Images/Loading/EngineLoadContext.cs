using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Euca.Images.Loading
{
    /// <summary>
    /// The load context the engine runs in on PowerShell 7: it serves the engine's dependencies (AWSSDK.*,
    /// BouncyCastle, out-of-band System.* packages) from Dependencies/, so another module's AWSSDK.Core build in the
    /// default context cannot replace ours, and ours cannot break theirs.
    /// </summary>
    internal sealed class EngineLoadContext : AssemblyLoadContext
    {
        private readonly string _dependencyDirectory;
        private readonly HashSet<string> _platformAssemblies;

        public EngineLoadContext(string dependencyDirectory)
        {
            _dependencyDirectory = dependencyDirectory;
            _platformAssemblies = ReadPlatformAssemblyNames();
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // Assemblies that ship with the runtime (System.Memory, System.Text.Json, ...) must come from the runtime:
            // the netstandard2.0 package builds in Dependencies/ redefine types such as Span<T> for .NET Framework and
            // would split type identity on .NET. Returning null defers to the default context for them.
            if (assemblyName.Name is null || _platformAssemblies.Contains(assemblyName.Name))
            {
                return null;
            }

            string candidate = Path.Combine(_dependencyDirectory, assemblyName.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }

        private static HashSet<string> ReadPlatformAssemblyNames()
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
            {
                foreach (string path in list.Split(Path.PathSeparator))
                {
                    if (path.Length > 0)
                    {
                        names.Add(Path.GetFileNameWithoutExtension(path));
                    }
                }
            }

            return names;
        }
    }
}
