using System;
using System.IO;
using System.Management.Automation;
using System.Runtime.InteropServices;

namespace Euca.Images.Loading
{
    /// <summary>
    /// Wires up how the engine and its dependencies load when the module is imported.
    /// </summary>
    /// <remarks>
    /// Every AWSSDK v4 package carries AssemblyVersion 4.0.0.0 whatever its file version, so without isolation the
    /// first module to load AWSSDK.Core (ours or AWS.Tools) silently wins and the other breaks. The engine and all of
    /// its dependencies therefore live in Dependencies/ and never in the module root.
    /// </remarks>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        internal const string EngineAssemblyName = "Euca.Images.Engine";

        /// <summary>The module's Dependencies/ folder.</summary>
        internal static string DependencyDirectory { get; } =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!, "Dependencies");

        /// <summary>True on Windows PowerShell 5.1 (.NET Framework), where no load context can isolate anything.</summary>
        internal static bool IsDesktopEdition { get; } =
            RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase);

        /// <summary>Called by PowerShell when the module is imported.</summary>
        public void OnImport()
        {
            // The edition check keeps .NET Framework from ever JIT-compiling the AssemblyLoadContext code.
            if (IsDesktopEdition)
            {
                DesktopDependencyResolver.Register(DependencyDirectory);
            }
            else
            {
                CoreEngineLoader.Register(DependencyDirectory);
            }
        }

        /// <summary>Called by PowerShell when the module is removed.</summary>
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsDesktopEdition)
            {
                DesktopDependencyResolver.Unregister();
            }
            else
            {
                CoreEngineLoader.Unregister();
            }
        }
    }
}
