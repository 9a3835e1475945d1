using System;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Images.Lifecycle;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Images
{
    /// <summary>Waits until images reach a state: available, pending, failed or deregistered.</summary>
    /// <remarks>
    /// <para>Polls DescribeImages every -PollSeconds until each image is in -State, showing progress, and emits the image
    /// (nothing for deregistered: the image is then no longer listed). An image that fails while you wait for available
    /// fails at once (ImageFailed); a timeout (ImageWaitTimeout) names the image and the state it was last seen in.
    /// Errors are per image: the other images are still waited for.</para>
    /// </remarks>
    /// <example>
    /// <title>Register and wait until the image can be run</title>
    /// <code>Register-EucaImage -Name centos-7 -ImageLocation images/centos7.img.manifest.xml | Wait-EucaImage -State available</code>
    /// <para>Emits the image once it is available.</para>
    /// </example>
    /// <example>
    /// <title>Wait with a shorter timeout</title>
    /// <code>Wait-EucaImage -ImageId emi-5a6b7c8d -State available -TimeoutSeconds 120 -PollSeconds 5</code>
    /// <para>Fails with ImageWaitTimeout after two minutes.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Images.RegisterEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.UnregisterEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.GetEucaImageCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsLifecycle.Wait, "EucaImage")]
    [OutputType(typeof(ImageInfo))]
    public sealed class WaitEucaImageCommand : EucaCloudCmdlet
    {
        /// <summary>The images to wait for.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageIds", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageIdCompleter))]
        public string[] ImageId { get; set; } = new string[0];

        /// <summary>The state to wait for: available, pending, failed or deregistered (no longer listed).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateSet("available", "pending", "failed", "deregistered")]
        public string State { get; set; } = "available";

        /// <summary>How long to wait for each image, in seconds (default 600).</summary>
        [Parameter]
        [ValidateRange(1, 86400)]
        public int TimeoutSeconds { get; set; } = 600;

        /// <summary>Seconds between two DescribeImages calls (default 5).</summary>
        [Parameter]
        [ValidateRange(0.1, 3600.0)]
        public double PollSeconds { get; set; } = 5;

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var waiter = new ImageWaiter(CurrentConnection);
            string state = State;
            foreach (string id in ImageId)
            {
                try
                {
                    ImageInfo? image = RunEngine(
                        (progress, token) => waiter.WaitAsync(id, ParseState(state), TimeSpan.FromSeconds(TimeoutSeconds), TimeSpan.FromSeconds(PollSeconds), progress, token),
                        id);
                    if (image != null)
                    {
                        WriteObject(image);
                    }
                }
                catch (EngineFailure failure)
                {
                    WriteError(failure.ErrorRecord);
                }
            }
        }

        private static ImageWaitState ParseState(string state) => (ImageWaitState)Enum.Parse(typeof(ImageWaitState), state, ignoreCase: true);
    }
}
