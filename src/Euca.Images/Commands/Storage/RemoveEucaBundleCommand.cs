using System.Collections.Generic;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Storage;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Storage
{
    /// <summary>Deletes a bundle from object storage: every part the manifest names, then the manifest.</summary>
    /// <remarks>
    /// <para>Reads the manifest to learn the parts, deletes each, then deletes the manifest (euca-delete-bundle).
    /// When the manifest is gone, as after an interrupted upload, the parts are found by listing the bundle's
    /// prefix: only keys PREFIX.part.N and PREFIX.manifest.xml are deleted, as ec2-delete-bundle does.</para>
    /// <para>-RemoveBucket deletes the bucket too, which succeeds only when nothing else is in it. Upload objects
    /// from Send-EucaBundle and New-EucaBundle -Bucket bind from the pipeline. It asks for confirmation unless
    /// -Force or -Confirm:$false is given.</para>
    /// </remarks>
    /// <example>
    /// <title>Delete a stored bundle</title>
    /// <code>Remove-EucaBundle -ManifestLocation images/centos/centos7.img.manifest.xml -Force</code>
    /// <para>Deletes the parts and the manifest without asking.</para>
    /// </example>
    /// <example>
    /// <title>Clean up after an interrupted upload</title>
    /// <code>Send-EucaBundle ./b/disk.img.manifest.xml -Bucket tmp -ErrorVariable failed; Remove-EucaBundle tmp/disk.img.manifest.xml -RemoveBucket -Confirm:$false</code>
    /// <para>Finds the stored parts by prefix although no manifest was uploaded, then deletes the empty bucket.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Storage.SendEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.UnregisterEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Storage.SaveEucaBundleCommand"/>
    /// <seealso href="about_Euca.Images_Bundles"/>
    [Cmdlet(VerbsCommon.Remove, "EucaBundle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    public sealed class RemoveEucaBundleCommand : EucaStorageCmdlet
    {
        /// <summary>Where the manifest is (or was) stored: bucket/[prefix/]name.manifest.xml.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageLocation")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? ManifestLocation { get; set; }

        /// <summary>Also delete the bucket (only when it is then empty).</summary>
        [Parameter]
        public SwitchParameter RemoveBucket { get; set; }

        /// <summary>Delete without asking for confirmation.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            string location = ManifestLocation!;
            string what = RemoveBucket ? "Delete the bundle's parts, its manifest and the bucket" : "Delete the bundle's parts and manifest";
            // -Force skips the confirmation prompt; -WhatIf still only reports.
            bool ask = !Force || MyInvocation.BoundParameters.ContainsKey("WhatIf");
            if (ask && !ShouldProcess(location, what))
            {
                return;
            }

            CloudConnection connection = CurrentConnection;
            try
            {
                IReadOnlyList<string> deleted = RunEngine((progress, token) =>
                    BundleRemover.RemoveAsync(connection, new BundleRemoveRequest(location, RemoveBucket), progress, token), location);
                WriteVerbose($"Deleted {deleted.Count} object(s): {string.Join(", ", deleted)}.");
            }
            catch (EngineFailure failure)
            {
                WriteError(failure.ErrorRecord);
            }
        }
    }
}
