using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Snapshots;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Snapshots
{
    /// <summary>Starts a snapshot of an EBS volume (CreateSnapshot).</summary>
    /// <remarks>
    /// <para>The snapshot starts pending; Wait-EucaSnapshot waits until it is completed. A completed snapshot of a
    /// disk image volume is what an EBS-backed image is registered from.</para>
    /// </remarks>
    /// <example>
    /// <title>Snapshot a volume and wait for it</title>
    /// <code>New-EucaSnapshot -VolumeId vol-1a2b3c4d -Description 'imported CentOS disk' | Wait-EucaSnapshot</code>
    /// <para>Returns the completed snapshot.</para>
    /// </example>
    /// <example>
    /// <title>Snapshot several volumes</title>
    /// <code>'vol-1a2b3c4d', 'vol-2b3c4d5e' | New-EucaSnapshot -Description nightly</code>
    /// <para>Volume ids bind from the pipeline, as strings or as any object with a VolumeId property.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Snapshots.WaitEucaSnapshotCommand"/>
    /// <seealso cref="Euca.Images.Commands.Volumes.GetEucaVolumeCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.RegisterEucaImageCommand"/>
    /// <seealso href="about_Euca.Images_Import"/>
    [Cmdlet(VerbsCommon.New, "EucaSnapshot", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(SnapshotInfo))]
    public sealed class NewEucaSnapshotCommand : EucaCloudCmdlet
    {
        /// <summary>The volume to snapshot (vol-...).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VolumeIdCompleter))]
        public string VolumeId { get; set; } = string.Empty;

        /// <summary>A description of up to 255 characters.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Description { get; set; }

        /// <summary>Tags for the snapshot, as @{ key = 'value' }, added right after it is created (Eucalyptus takes no tags with the call that makes it).</summary>
        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            if (!ShouldProcess(VolumeId, "Create snapshot"))
            {
                return;
            }

            CloudConnection connection = CurrentConnection;
            IReadOnlyDictionary<string, string> tags = TagArguments.From(Tag);
            var service = new SnapshotService(connection);
            try
            {
                SnapshotInfo snapshot = RunEngine(async (progress, token) =>
                {
                    SnapshotInfo created = await service.CreateSnapshotAsync(VolumeId, Description, token).ConfigureAwait(false);
                    return await TagArguments.TagNewAsync(connection, created, created.SnapshotId, tags, token).ConfigureAwait(false);
                }, VolumeId);
                snapshot.Tags = tags.Count > 0 ? tags : snapshot.Tags;
                WriteObject(snapshot);
            }
            catch (EngineFailure failure)
            {
                WriteError(failure.ErrorRecord);
            }
        }
    }
}
