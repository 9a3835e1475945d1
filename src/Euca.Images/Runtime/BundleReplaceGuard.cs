using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Storage;
using Euca.Images.Engine.Workflows;

namespace Euca.Images.Runtime
{
    /// <summary>
    /// The check every uploading cmdlet (Send-EucaBundle, New-EucaBundle -Bucket, Install-EucaImage) puts on its
    /// upload target: refuse to replace a bundle a registered image uses, unless -Force.
    /// </summary>
    internal static class BundleReplaceGuard
    {
        public static Func<ManifestLocation, CancellationToken, Task>? For(Cmdlet cmdlet, CloudConnection connection, bool force)
        {
            if (force)
            {
                return null;
            }

            if (connection.Settings.ComputeUrl is null)
            {
                // An object-storage-only connection cannot ask which images use the bundle; say so (-Verbose) rather
                // than pretend the upload was checked. Not a warning: uploading without a compute URL is a normal use.
                cmdlet.WriteVerbose("The connection has no compute URL, so the upload cannot check whether a registered image uses a bundle it replaces.");
                return null;
            }

            return new BundleUsers(connection).RefuseReplacingUsedBundles();
        }
    }
}
