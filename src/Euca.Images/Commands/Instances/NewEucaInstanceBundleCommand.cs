using System;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Instances;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Instances
{
    /// <summary>Bundles a running instance-store instance into object storage (BundleInstance).</summary>
    /// <remarks>
    /// <para>The cloud bundles the instance's root disk and stores the bundle as BUCKET/PREFIX.manifest.xml plus its
    /// parts. The node uploads with a policy signed here, as euca-bundle-instance signs it: uploads allowed only to
    /// the bucket, only under the prefix, with acl ec2-bundle-read, until -ExpiresInHours from now. The signature is
    /// made with the connection's secret key, which is never shown.</para>
    /// <para>Returns the bundle task. Follow it with Wait-EucaBundleTask, then register the bundle: the task's
    /// ManifestLocation binds to Register-EucaImage -ImageLocation. EBS-backed instances are imaged with
    /// New-EucaImage instead (error id InstanceIsEbsBacked).</para>
    /// </remarks>
    /// <example>
    /// <title>Bundle a Windows instance and register the result</title>
    /// <code>New-EucaInstanceBundle -InstanceId i-3b4c5d6e -Bucket win-images -Prefix win2012-web | Wait-EucaBundleTask | Register-EucaImage -Name win2012-web</code>
    /// <para>Waits for the bundle to be stored, then registers it from win-images/win2012-web.manifest.xml.</para>
    /// </example>
    /// <example>
    /// <title>Give the upload policy a longer life for a large disk</title>
    /// <code>New-EucaInstanceBundle i-2a3b4c5d -Bucket images -Prefix big-linux -ExpiresInHours 48</code>
    /// <para>The node may upload parts for 48 hours.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Instances.WaitEucaBundleTaskCommand"/>
    /// <seealso cref="Euca.Images.Commands.Instances.StopEucaBundleTaskCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.RegisterEucaImageCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsCommon.New, "EucaInstanceBundle", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(BundleTaskInfo))]
    public sealed class NewEucaInstanceBundleCommand : EucaCloudCmdlet
    {
        /// <summary>The running instance-store instance to bundle.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(InstanceIdCompleter))]
        public string InstanceId { get; set; } = string.Empty;

        /// <summary>The bucket to store the bundle in (3-255 letters, digits, '.', '-', '_').</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BucketCompleter))]
        public string Bucket { get; set; } = string.Empty;

        /// <summary>The bundle's name prefix; the manifest becomes PREFIX.manifest.xml.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string Prefix { get; set; } = string.Empty;

        /// <summary>How many hours the signed upload policy stays valid (default 24, as euca2ools).</summary>
        [Parameter]
        [ValidateRange(1, 8760)]
        public int ExpiresInHours { get; set; } = 24;

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            if (!ShouldProcess(InstanceId, $"Bundle to {Bucket}/{Prefix}"))
            {
                return;
            }

            var request = new InstanceBundleRequest
            {
                InstanceId = InstanceId,
                Bucket = Bucket,
                Prefix = Prefix,
                PolicyLifetime = TimeSpan.FromHours(ExpiresInHours),
            };
            var bundler = new InstanceBundler(CurrentConnection);
            BundleTaskInfo task = RunEngine((progress, token) => bundler.BundleInstanceAsync(request, token), InstanceId);
            WriteObject(task);
        }
    }
}
