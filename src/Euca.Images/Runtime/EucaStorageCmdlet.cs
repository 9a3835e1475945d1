using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Runtime
{
    /// <summary>
    /// Base of the object-storage cmdlets: they need the object-storage URL and keys, not the compute URL, and an
    /// interrupted upload reports what it stored and how to resume or clean up.
    /// </summary>
    public abstract class EucaStorageCmdlet : EucaCloudCmdlet
    {
        /// <inheritdoc />
        protected override void RequireSettings(CloudSettings settings) =>
            settings.Require(CloudSettingNames.ObjectStorageUrl, CloudSettingNames.AccessKey, CloudSettingNames.SecretKey);

        /// <summary>
        /// Runs an upload; when Ctrl+C stops it, warns what is stored and how to resume or clean up (from the journal
        /// the engine kept up to date), then stops the pipeline.
        /// </summary>
        protected T RunUpload<T>(BundleTransferJournal journal, Func<IProgress<OperationProgress>, CancellationToken, Task<T>> work, object target)
        {
            try
            {
                return RunEngine(work, target);
            }
            catch (PipelineStoppedException)
            {
                string report = "The upload was stopped. " + journal.Describe();
                try
                {
                    WriteWarning(report);
                }
                catch (PipelineStoppedException)
                {
                    // A stopping pipeline refuses output streams; the host still shows the warning.
                    Host?.UI?.WriteWarningLine(report);
                }

                throw;
            }
        }
    }
}
