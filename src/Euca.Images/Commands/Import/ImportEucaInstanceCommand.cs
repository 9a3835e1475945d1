using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Import;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Import
{
    /// <summary>Imports a disk image as a new instance (ImportInstance), uploading it in raw parts with an import manifest.</summary>
    /// <remarks>
    /// <para>Does what euca-import-instance does: like Import-EucaVolume, but the conversion task also launches an
    /// instance from the new volume with the launch specification given here (-InstanceType, -Architecture,
    /// -Platform, -KeyName, -SecurityGroup, -SubnetId, -PrivateIpAddress, -Monitoring,
    /// -InstanceInitiatedShutdownBehavior, -UserData, -AvailabilityZone).</para>
    /// <para>Failures name the stage, what was left behind and the exact Resume-EucaImport or
    /// Stop-EucaConversionTask -RemoveDiskImage command to run.</para>
    /// </remarks>
    /// <example>
    /// <title>Import a Linux disk as an instance</title>
    /// <code>Import-EucaInstance -Path ./centos7.raw -Bucket imports -InstanceType m1.small -Architecture x86_64 -Platform Linux -KeyName admin -AvailabilityZone one</code>
    /// <para>Emits the import-i-… task; its InstanceId is set once the conversion has completed.</para>
    /// </example>
    /// <example>
    /// <title>Import a Windows disk into a security group with user data</title>
    /// <code>Import-EucaInstance -Path ./win2012.raw -Bucket imports -InstanceType m1.large -Platform Windows -SecurityGroup rdp -UserData (Get-Content -Raw ./setup.ps1) | Wait-EucaConversionTask</code>
    /// <para>User data is sent base64-encoded.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Import.WaitEucaConversionTaskCommand"/>
    /// <seealso cref="Euca.Images.Commands.Import.ResumeEucaImportCommand"/>
    /// <seealso cref="Euca.Images.Commands.Import.StopEucaConversionTaskCommand"/>
    /// <seealso href="about_Euca.Images_Import"/>
    [Cmdlet(VerbsData.Import, "EucaInstance", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(ConversionTaskInfo))]
    public sealed class ImportEucaInstanceCommand : ImportDiskCommandBase
    {
        /// <summary>The instance type to launch, for example m1.small.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? InstanceType { get; set; }

        /// <summary>The instance's architecture.</summary>
        [Parameter]
        [ValidateArchitecture(ArchitectureUse.Import)]
        [ArgumentCompleter(typeof(ImportArchitectureCompleter))]
        public string? Architecture { get; set; }

        /// <summary>The guest operating system: Windows or Linux.</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("Windows", "Linux")]
        public string? Platform { get; set; }

        /// <summary>The key pair to launch the instance with.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? KeyName { get; set; }

        /// <summary>Security groups (names) of the instance.</summary>
        [Parameter]
        [Alias("GroupName")]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string[]? SecurityGroup { get; set; }

        /// <summary>The VPC subnet to launch into.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? SubnetId { get; set; }

        /// <summary>The instance's private IP address in the subnet.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? PrivateIpAddress { get; set; }

        /// <summary>Turn on detailed monitoring.</summary>
        [Parameter]
        public SwitchParameter Monitoring { get; set; }

        /// <summary>What a shutdown from inside the instance does: stop or terminate.</summary>
        [Parameter]
        [ValidateSet("stop", "terminate")]
        public string? InstanceInitiatedShutdownBehavior { get; set; }

        /// <summary>User data text for the instance (sent base64-encoded).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? UserData { get; set; }

        /// <summary>The availability zone to launch in; by default the cloud chooses.</summary>
        [Parameter]
        [Alias("Zone")]
        [ArgumentCompleter(typeof(AvailabilityZoneCompleter))]
        public string? AvailabilityZone { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            string path = ResolvedPath();
            if (!ShouldProcess(path, $"Import as a {Platform} {InstanceType} instance through bucket {Bucket}"))
            {
                return;
            }

            var request = new InstanceImportRequest(path, Bucket!, InstanceType!, Platform!)
            {
                Architecture = Architecture,
                AvailabilityZone = AvailabilityZone,
                KeyName = KeyName,
                SecurityGroups = SecurityGroup ?? new string[0],
                SubnetId = SubnetId,
                PrivateIpAddress = PrivateIpAddress,
                Monitoring = Monitoring,
                InstanceInitiatedShutdownBehavior = InstanceInitiatedShutdownBehavior,
                UserData = UserData,
            };
            Fill(request);
            var service = new ImportService(CurrentConnection);
            WriteObject(RunReportingWhenStopped("The import was stopped.", request.Upload.Journal.Describe,
                (progress, token) => service.ImportInstanceAsync(request, progress, token), path));
        }
    }
}
