using System.Collections;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Volumes;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Volumes
{
    /// <summary>Gets EBS volumes (DescribeVolumes).</summary>
    /// <remarks>
    /// <para>Without -VolumeId, lists all your volumes. Each volume shows its size in GiB, state (creating, available,
    /// in-use, deleting, deleted or error), availability zone, the snapshot it was made from, and the instance and
    /// device it is attached to. -State and -AvailabilityZone narrow the list; the cloud applies them (the
    /// DescribeVolumes filters status and availability-zone), so a volume given by id that does not match them is
    /// simply not listed.</para>
    /// <para>Errors are per volume: a malformed id is VolumeIdInvalid and a volume that does not exist or belongs to
    /// another account is VolumeNotFound, with the id as target; the other volumes are still listed. Volumes pipe into
    /// Remove-EucaVolume and New-EucaSnapshot, which bind their VolumeId property.</para>
    /// </remarks>
    /// <example>
    /// <title>List your volumes</title>
    /// <code>Get-EucaVolume</code>
    /// <para>Shows your volumes as a table, with the instance and device of each attached one.</para>
    /// </example>
    /// <example>
    /// <title>Snapshot every volume that is not attached</title>
    /// <code>Get-EucaVolume -State available -AvailabilityZone one | New-EucaSnapshot -Description nightly</code>
    /// <para>Starts a snapshot of each available volume in zone one.</para>
    /// </example>
    /// <example>
    /// <title>See which volumes would be deleted</title>
    /// <code>Get-EucaVolume -State available | Remove-EucaVolume -WhatIf</code>
    /// <para>Lists the unattached volumes Remove-EucaVolume would delete, and deletes nothing.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Snapshots.NewEucaSnapshotCommand"/>
    /// <seealso cref="Euca.Images.Commands.Volumes.RemoveEucaVolumeCommand"/>
    /// <seealso cref="Euca.Images.Commands.Import.ImportEucaVolumeCommand"/>
    /// <seealso href="about_Euca.Images_Import"/>
    [Cmdlet(VerbsCommon.Get, "EucaVolume")]
    [OutputType(typeof(VolumeInfo))]
    public sealed class GetEucaVolumeCommand : EucaCloudCmdlet
    {
        /// <summary>The ids of the volumes to get (vol-...); all your volumes when omitted.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("VolumeIds")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VolumeIdCompleter))]
        public string[]? VolumeId { get; set; }

        /// <summary>Only volumes in these states.</summary>
        [Parameter]
        [ValidateSet("creating", "available", "in-use", "deleting", "deleted", "error")]
        public string[]? State { get; set; }

        /// <summary>Only volumes in this availability zone.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AvailabilityZoneCompleter))]
        public string? AvailabilityZone { get; set; }

        /// <summary>Only volumes carrying every one of these tags, as @{ key = 'value' } (* and ? are wildcards in values).</summary>
        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var service = new VolumeService(CurrentConnection);
            WriteListing(RunEngine((progress, token) => service.GetVolumesAsync(VolumeId, State, AvailabilityZone, token, TagArguments.From(Tag))));
        }
    }
}
