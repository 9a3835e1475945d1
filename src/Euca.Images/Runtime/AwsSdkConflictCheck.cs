using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using Euca.Images.Loading;

namespace Euca.Images.Runtime
{
    /// <summary>
    /// Windows PowerShell 5.1 cannot isolate assemblies. If another module loaded a different AWSSDK.Core build
    /// before us, it is the one we run on; say so once instead of failing later with MissingMethodException.
    /// </summary>
    internal static class AwsSdkConflictCheck
    {
        private static bool s_checked;

        public static void WarnOnce(Cmdlet cmdlet)
        {
            if (s_checked || !ModuleInitializer.IsDesktopEdition)
            {
                return;
            }

            s_checked = true;
            string ours = Path.Combine(ModuleInitializer.DependencyDirectory, "AWSSDK.Core.dll");
            Assembly? loaded = AppDomain.CurrentDomain.GetAssemblies()
                .FirstOrDefault(assembly => assembly.GetName().Name == "AWSSDK.Core");
            if (loaded is null || string.Equals(Path.GetFullPath(loaded.Location), Path.GetFullPath(ours), StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            string theirs = FileVersionInfo.GetVersionInfo(loaded.Location).FileVersion ?? "unknown";
            string shipped = FileVersionInfo.GetVersionInfo(ours).FileVersion ?? "unknown";
            if (theirs != shipped)
            {
                cmdlet.WriteWarning(
                    $"Another module loaded AWSSDK.Core {theirs} from '{loaded.Location}' before Euca.Images (built with {shipped}). " +
                    "Windows PowerShell cannot load both; if Euca.Images cmdlets fail, import Euca.Images first, use PowerShell 7, or run it in Start-Job.");
            }
        }
    }
}
