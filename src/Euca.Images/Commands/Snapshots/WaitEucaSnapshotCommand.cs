using System;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Snapshots;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Snapshots
{
    /// <summary>Waits until snapshots are completed, showing their progress.</summary>
    /// <remarks>
    /// <para>Polls each snapshot until it is completed (the snapshot is returned) or in state error (error id
    /// SnapshotFailed). A snapshot still pending after -TimeoutSeconds gives SnapshotTimeout; it goes on in the
    /// cloud.</para>
    /// </remarks>
    /// <example>
    /// <title>Wait for a snapshot</title>
    /// <code>Wait-EucaSnapshot -SnapshotId snap-3e1d2c4b</code>
    /// <para>Shows the snapshot's progress and returns it once completed.</para>
    /// </example>
    /// <example>
    /// <title>Snapshot and wait at most half an hour</title>
    /// <code>New-EucaSnapshot vol-1a2b3c4d | Wait-EucaSnapshot -TimeoutSeconds 1800</code>
    /// <para>The new snapshot's id binds from the pipeline.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Snapshots.NewEucaSnapshotCommand"/>
    /// <seealso cref="Euca.Images.Commands.Snapshots.GetEucaSnapshotCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.RegisterEucaImageCommand"/>
    /// <seealso href="about_Euca.Images_Import"/>
    [Cmdlet(VerbsLifecycle.Wait, "EucaSnapshot")]
    [OutputType(typeof(SnapshotInfo))]
    public sealed class WaitEucaSnapshotCommand : EucaCloudCmdlet
    {
        /// <summary>The snapshot to wait for (snap-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SnapshotIdCompleter))]
        public string SnapshotId { get; set; } = string.Empty;

        /// <summary>How long to wait for each snapshot, in seconds (default 3600).</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int TimeoutSeconds { get; set; } = 3600;

        /// <summary>Seconds between two polls of the cloud (default 5).</summary>
        [Parameter]
        [ValidateRange(0.1, 3600.0)]
        public double PollSeconds { get; set; } = 5;

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var service = new SnapshotService(CurrentConnection) { PollInterval = TimeSpan.FromSeconds(PollSeconds) };
            try
            {
                WriteObject(RunEngine(
                    (progress, token) => service.WaitForSnapshotAsync(SnapshotId, TimeSpan.FromSeconds(TimeoutSeconds), progress, token), SnapshotId));
            }
            catch (EngineFailure failure)
            {
                WriteError(failure.ErrorRecord);
            }
        }
    }
}
