using System;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Workflows;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Images
{
    /// <summary>Deregisters images; with -Purge also deletes them and waits until they are gone.</summary>
    /// <remarks>
    /// <para>Eucalyptus deregisters in two phases: the first DeregisterImage marks the image deregistered (it disappears from
    /// Get-EucaImage), and a second call on a deregistered or failed image deletes it. Without -Purge this cmdlet makes one
    /// call. -Purge makes both and waits, with progress and -TimeoutSeconds, until DescribeImages no longer finds the
    /// image, also in the administrators' verbose view when you are an administrator.</para>
    /// <para>With -RemoveBundle, the bundle an instance-store image was registered from (its manifest location) is removed
    /// from object storage after the image is deregistered, as euca-delete-bundle would; otherwise the bundle is not
    /// touched. A bundle that another registered image was also registered from is kept, with a warning naming that
    /// image, so removing an old image never breaks a newer one. -Purge with -RemoveBundle deletes for good and asks
    /// for confirmation (High impact) unless -Force or -Confirm:$false is given. Errors are per image: the other
    /// images are still processed.</para>
    /// </remarks>
    /// <example>
    /// <title>Deregister an image</title>
    /// <code>Unregister-EucaImage -ImageId emi-7b8c9d0e</code>
    /// <para>The image is hidden from Get-EucaImage; running it again deletes it.</para>
    /// </example>
    /// <example>
    /// <title>Remove all of your images with a name pattern for good, with their bundles</title>
    /// <code>Get-EucaImage -Owner self -Name 'test-*' | Unregister-EucaImage -Purge -RemoveBundle -Force</code>
    /// <para>Each image is deregistered, deleted and waited for, then its bundle is deleted from object storage.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Images.GetEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Storage.RemoveEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.RegisterEucaImageCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsLifecycle.Unregister, "EucaImage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    public sealed class UnregisterEucaImageCommand : EucaCloudCmdlet
    {
        private bool _yesToAll;
        private bool _noToAll;

        /// <summary>The images to deregister.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageIds", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageIdCompleter))]
        public string[] ImageId { get; set; } = new string[0];

        /// <summary>Also delete the deregistered image (the second DeregisterImage) and wait until it is no longer listed.</summary>
        [Parameter]
        public SwitchParameter Purge { get; set; }

        /// <summary>Also remove the bundle (manifest and parts) in object storage that an instance-store image was registered from.</summary>
        [Parameter]
        public SwitchParameter RemoveBundle { get; set; }

        /// <summary>Do not ask for confirmation, also not for -Purge with -RemoveBundle (High impact).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How long -Purge waits for each image to disappear, in seconds (default 300).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 300;

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            foreach (string id in ImageId)
            {
                if (!TryCheckId(ResourceIdPattern.Image, id, out string canonical))
                {
                    continue;
                }

                string action = (Purge ? "Deregister and delete image" : "Deregister image") + (RemoveBundle ? ", and remove its bundle" : string.Empty);
                if (!Confirmed(canonical, action))
                {
                    continue;
                }

                var removal = new ImageRemoval(CurrentConnection) { PurgeTimeout = TimeSpan.FromSeconds(TimeoutSeconds) };
                try
                {
                    ImageRemovalResult result = RunEngine((progress, token) => removal.RemoveAsync(canonical, Purge, RemoveBundle, progress, token), canonical);
                    if (RemoveBundle && result.BundleLocation is null)
                    {
                        WriteWarning($"{canonical} has no bundle to remove (it is EBS-backed, or it was not found).");
                    }
                    else if (result.BundleKeptFor.Count > 0)
                    {
                        WriteWarning($"Kept the bundle {result.BundleLocation}: {string.Join(", ", result.BundleKeptFor)} still uses it.");
                    }
                    else if (result.BundleRemoved)
                    {
                        WriteVerbose($"Removed the bundle {result.BundleLocation}.");
                    }
                }
                catch (EngineFailure failure)
                {
                    WriteError(failure.ErrorRecord);
                }
            }
        }

        /// <summary>
        /// -Purge -RemoveBundle deletes an image and its stored bundle for good, which is High impact as for the other
        /// deleting cmdlets: it asks even at the default $ConfirmPreference, unless -Force or -Confirm:$false. The rest
        /// is Medium. -WhatIf beats -Force.
        /// </summary>
        private bool Confirmed(string imageId, string action)
        {
            bool whatIf = MyInvocation.BoundParameters.ContainsKey("WhatIf");
            if (Force && !whatIf)
            {
                return true;
            }

            if (!ShouldProcess(imageId, action))
            {
                return false;
            }

            bool confirmGiven = MyInvocation.BoundParameters.TryGetValue("Confirm", out object? confirm);
            if (!Purge || !RemoveBundle || confirmGiven || whatIf)
            {
                // -Confirm (either way) was already honoured by ShouldProcess.
                return true;
            }

            return ShouldContinue($"Delete image {imageId} and its bundle in object storage for good?", "Unregister-EucaImage -Purge -RemoveBundle", ref _yesToAll, ref _noToAll);
        }
    }
}
