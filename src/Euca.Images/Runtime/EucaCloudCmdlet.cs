using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Progress;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Runtime
{
    /// <summary>
    /// Base of cmdlets that call the cloud: the connection is <c>-Connection</c>; else, with <c>-ProfileName</c> or
    /// <c>-Region</c>, one resolved for this call only; else the session's default from Connect-EucaCloud; else one
    /// resolved from the ambient configuration (euca2ools files, AWS profile, environment) for this call only, which
    /// is what scheduled tasks want.
    /// </summary>
    public abstract class EucaCloudCmdlet : EucaCmdlet
    {
        private CloudConnection? _ambient;

        /// <summary>
        /// <para>The connection to use, from Connect-EucaCloud -PassThru. Without it the cmdlet uses -ProfileName or
        /// -Region, else the session's connection, else settings resolved from the euca2ools configuration, AWS
        /// profile and environment.</para>
        /// </summary>
        [Parameter]
        public CloudConnection? Connection { get; set; }

        /// <summary>
        /// <para>A stored profile (Set-EucaCredential -StoreAs), else an AWS profile, to connect with for this call
        /// only, whatever the session's connection is.</para>
        /// </summary>
        [Parameter]
        [Alias("StoredCredentials")]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        /// <summary>
        /// <para>A euca2ools region to connect with for this call only, as USER@REGION, REGION or USER@ (as euca2ools'
        /// --region), whatever the session's connection is.</para>
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        /// <summary>The connection for this call (see <see cref="Connection"/>).</summary>
        protected CloudConnection CurrentConnection
        {
            get
            {
                CloudConnection? connection = Connection ?? (ForThisCall ? _ambient : SessionConnections.Current ?? _ambient);
                if (connection is null)
                {
                    CloudSettings settings = ResolveForThisCall();
                    RequireSettings(settings);
                    _ambient = new CloudConnection(settings);
                    connection = _ambient;
                    WriteSettingSources(this, settings);
                    CertificateCheckWarning.WriteIfOff(this, settings);
                }

                AwsSdkConflictCheck.WarnOnce(this);
                return connection;
            }
        }

        /// <summary>What this cmdlet needs of ambient settings: compute cmdlets the compute URL and keys.</summary>
        protected virtual void RequireSettings(CloudSettings settings) => settings.Validate();

        /// <summary>
        /// Settings for cmdlets that can work without the cloud (bundling): the connection's if there is one, else
        /// whatever the profile, region or ambient configuration has, without requiring endpoints or keys.
        /// </summary>
        protected CloudSettings AvailableSettings =>
            (Connection ?? (ForThisCall ? _ambient : SessionConnections.Current ?? _ambient))?.Settings ?? ResolveForThisCall();

        // -ProfileName and -Region choose the settings of one call, as AWS.Tools' common parameters do.
        private bool ForThisCall => !string.IsNullOrWhiteSpace(ProfileName) || !string.IsNullOrWhiteSpace(Region);

        private CloudSettings ResolveForThisCall()
        {
            var request = new CloudSettingsRequest { ProfileName = ProfileName, Region = Region };
            ProfileSecrets.AddVaultSecret(this, request);
            return CloudSettingsResolver.Resolve(request);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            _ambient?.Dispose();
            _ambient = null;
            base.EndProcessing();
        }

        /// <summary>
        /// Says where each setting came from (-Verbose), the first thing to check when a scheduled task connects wrongly.
        /// Verbose, not debug: -Debug in Windows PowerShell 5.1 makes every debug message a prompt, which fails under
        /// -NonInteractive, so the module writes no debug messages at all.
        /// </summary>
        internal static void WriteSettingSources(Cmdlet cmdlet, CloudSettings settings)
        {
            foreach (var source in settings.Sources.OrderBy(pair => pair.Key, System.StringComparer.Ordinal))
            {
                cmdlet.WriteVerbose($"{source.Key} from {source.Value}");
            }
        }

        /// <summary>
        /// Runs an upload; when Ctrl+C stops it, warns what is stored and how to resume or clean up (from the journal
        /// the engine kept up to date), then stops the pipeline.
        /// </summary>
        protected T RunUpload<T>(BundleTransferJournal journal, Func<IProgress<OperationProgress>, CancellationToken, Task<T>> work, object target) =>
            RunReportingWhenStopped("The upload was stopped.", journal.Describe, work, target);

        /// <summary>
        /// Runs engine work that leaves things behind when interrupted (cloud resources, stored objects); when Ctrl+C
        /// stops it, warns with <paramref name="stopped"/> and what <paramref name="leftovers"/> says now exists and how
        /// to resume or clean up, then stops the pipeline.
        /// </summary>
        protected T RunReportingWhenStopped<T>(string stopped, Func<string> leftovers, Func<IProgress<OperationProgress>, CancellationToken, Task<T>> work, object target)
        {
            try
            {
                return RunEngine(work, target);
            }
            catch (PipelineStoppedException)
            {
                string report = stopped + " " + leftovers();
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
