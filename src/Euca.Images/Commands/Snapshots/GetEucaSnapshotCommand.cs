using System.Collections;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Snapshots;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Snapshots
{
    /// <summary>Gets EBS snapshots (DescribeSnapshots).</summary>
    /// <remarks>
    /// <para>Without -SnapshotId or -Owner, lists the snapshots you own. -Owner takes account ids, account aliases or
    /// self. Each snapshot shows its state (pending, completed or error) and progress.</para>
    /// <para>Errors are per snapshot: a malformed id is SnapshotIdInvalid and a snapshot that does not exist or that
    /// you cannot see is SnapshotNotFound, with the id as target; the other snapshots are still listed. A snapshot
    /// given by id that -Owner excludes is simply not listed.</para>
    /// </remarks>
    /// <example>
    /// <title>List your snapshots</title>
    /// <code>Get-EucaSnapshot</code>
    /// <para>Shows your snapshots as a table.</para>
    /// </example>
    /// <example>
    /// <title>Get the snapshots behind an EBS image</title>
    /// <code>(Get-EucaImage emi-5a6b7c8d).BlockDeviceMappings.SnapshotId | Where-Object { $_ } | Get-EucaSnapshot</code>
    /// <para>Snapshot ids bind from the pipeline.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Snapshots.NewEucaSnapshotCommand"/>
    /// <seealso cref="Euca.Images.Commands.Snapshots.WaitEucaSnapshotCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.RegisterEucaImageCommand"/>
    /// <seealso href="about_Euca.Images_Import"/>
    [Cmdlet(VerbsCommon.Get, "EucaSnapshot")]
    [OutputType(typeof(SnapshotInfo))]
    public sealed class GetEucaSnapshotCommand : EucaCloudCmdlet
    {
        /// <summary>The ids of the snapshots to get (snap-...).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("SnapshotIds")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SnapshotIdCompleter))]
        public string[]? SnapshotId { get; set; }

        /// <summary>Only snapshots owned by these accounts: account ids, aliases or self.</summary>
        [Parameter(Position = 1)]
        [Alias("Owners")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AccountCompleter))]
        public string[]? Owner { get; set; }

        /// <summary>Only snapshots carrying every one of these tags, as @{ key = 'value' } (* and ? are wildcards in values).</summary>
        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var service = new SnapshotService(CurrentConnection);
            WriteListing(RunEngine((progress, token) => service.GetSnapshotsAsync(SnapshotId, Owner, token, TagArguments.From(Tag))));
        }
    }
}
