using System.Management.Automation;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Bundles
{
    /// <summary>Reads a bundle manifest into an object.</summary>
    /// <remarks>
    /// <para>Parses a manifest written by Euca.Images, euca2ools or ec2-ami-tools: architecture, kernel and ramdisk
    /// ids, block device mappings, product codes, image name, owner, type, digest, sizes, the wrapped keys and the
    /// part list. Documents with a DTD or external entities are refused. The object carries the file's path as
    /// ManifestPath, so it pipes into Expand-EucaBundle and Test-EucaBundle.</para>
    /// </remarks>
    /// <example>
    /// <title>Show a manifest</title>
    /// <code>Get-EucaBundleManifest ./bundles/centos7.img.manifest.xml | Format-List</code>
    /// <para>Lists every field of the manifest.</para>
    /// </example>
    /// <example>
    /// <title>List the parts of every bundle in a folder</title>
    /// <code>Get-ChildItem *.manifest.xml | Get-EucaBundleManifest | ForEach-Object Parts</code>
    /// <para>Files bind from the pipeline by their path.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Bundles.NewEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Bundles.TestEucaBundleCommand"/>
    /// <seealso cref="Euca.Images.Commands.Bundles.ExpandEucaBundleCommand"/>
    /// <seealso href="about_Euca.Images_Bundles"/>
    [Cmdlet(VerbsCommon.Get, "EucaBundleManifest", DefaultParameterSetName = PathSet)]
    [OutputType(typeof(BundleManifest))]
    public sealed class GetEucaBundleManifestCommand : EucaCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>The manifest file; wildcards name every file they match.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ManifestPath")]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>The manifest file, taken as it is (no wildcards); files from Get-ChildItem bind here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string? LiteralPath { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            foreach (string path in ResolveInputPaths(Path, LiteralPath))
            {
                ManifestDocument document = ManifestReader.ReadFile(path);
                var output = new PSObject(document.Manifest);
                output.Properties.Add(new PSNoteProperty("ManifestPath", path));
                WriteObject(output);
            }
        }
    }
}
