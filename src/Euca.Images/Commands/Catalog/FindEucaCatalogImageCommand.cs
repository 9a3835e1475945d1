using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Catalog;
using Euca.Images.Engine.Configuration;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Catalog
{
    /// <summary>Lists the images the Eucalyptus Machine Image catalog offers, from its URL or from a catalog or .euimage file.</summary>
    /// <remarks>
    /// <para>Reads every generation of the catalog and emits one kind of object for all of them (CatalogImage: name, OS,
    /// version, architecture, virtualization type, format, size, download URL, description, login user, checksum),
    /// which Install-EucaCatalogImage takes from the pipeline. The generation is recognised by the content, never by the
    /// name: the eustore catalog (version eustore-catalog-2011-12-29; entries named by their ten-digit checksum,
    /// paravirtual tarballs with kernels unless they say otherwise), the 4.x catalog-web list (entries named
    /// OS-CREATED-DATE, x86_64 HVM), the 5.x eucalyptus-images catalog (entries named by their OS; an entry with url-meta
    /// and url-meta-regex is given its real download URL here, by fetching that document and applying the expression)
    /// and euimage packs (one entry per profile of the pack's image-md.yml; only the metadata at the head of the pack is
    /// read, never the image; a pack that stores its image first is read over HTTP with a Range request that skips the
    /// image, so only a server that ignores ranges makes it need downloading and -Path).</para>
    /// <para>Without -Uri or -Path the catalog is, in this order: the EUSTORE_URL environment variable, eustore-url in
    /// the euca2ools configuration (the selected region's section, else [global]), and the published eucalyptus-images
    /// catalog. A URL whose path is empty or ends in / is a base URL, as EUSTORE_URL was for eustore, and catalog is
    /// appended to it; any other URL names the catalog or pack itself. Only http, https and file URLs are read.</para>
    /// <para>Catalogs are treated as untrusted: a catalog may be at most 4 MiB, a url-meta document 1 MiB, JSON and YAML
    /// may nest 32 levels, every fetch must finish within 30 seconds and a url-meta-regex within 2. A problem with the
    /// whole catalog is a terminating error (CatalogNotFound, CatalogUnreachable, CatalogTimeout, CatalogTooLarge,
    /// CatalogInvalid, CatalogUriInvalid). An entry that lacks a required field, has a field of the wrong type or a
    /// download URL that is not http or https (file URLs only in a catalog read from a file) is a non-terminating
    /// CatalogEntryInvalid naming it, and an url-meta entry whose URL cannot be found a non-terminating
    /// CatalogUrlMetaUnresolved; the other entries are still listed.</para>
    /// </remarks>
    /// <example>
    /// <title>List what the catalog offers</title>
    /// <code>Find-EucaCatalogImage</code>
    /// <para>Reads the catalog EUSTORE_URL or the euca2ools configuration names, else the published one, and shows each
    /// image's name, OS, version, architecture, virtualization type, format and size.</para>
    /// </example>
    /// <example>
    /// <title>Find the HVM images of one OS</title>
    /// <code>Find-EucaCatalogImage -OS ubuntu* -Architecture x86_64 -VirtualizationType hvm | Format-List Name, Description, Uri, LoginUser</code>
    /// <para>-Name and -OS take wildcards; -Architecture and -VirtualizationType match whole values, in any case.</para>
    /// </example>
    /// <example>
    /// <title>Read a catalog saved to a file</title>
    /// <code>Find-EucaCatalogImage -Path ./image-catalog.json -Name centos*</code>
    /// <para>Relative download URLs in a catalog file are resolved against the file's folder.</para>
    /// </example>
    /// <example>
    /// <title>List the profiles of the euimage packs in a folder</title>
    /// <code>Get-ChildItem ./packs -Filter *.euimage | Find-EucaCatalogImage | Format-Table Name, Profile, VirtualizationType, Size</code>
    /// <para>Files bind from the pipeline by their path; each pack is read up to its metadata only.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Install.InstallEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.DiskImages.GetEucaDiskImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.GetEucaImageCommand"/>
    [Cmdlet(VerbsCommon.Find, "EucaCatalogImage", DefaultParameterSetName = UriSet)]
    [OutputType(typeof(CatalogImage))]
    public sealed class FindEucaCatalogImageCommand : EucaCmdlet
    {
        private const string UriSet = "Uri";
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        /// <summary>Only entries whose name matches one of these (wildcards; eustore names are ten-digit ids).</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string[]? Name { get; set; }

        /// <summary>
        /// The catalog's http, https or file URL, or a .euimage pack's. A URL ending in / is a base to which catalog is
        /// appended. Without it: EUSTORE_URL, then eustore-url in the euca2ools configuration, then the published catalog.
        /// </summary>
        [Parameter(ParameterSetName = UriSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string? Uri { get; set; }

        /// <summary>A catalog file or .euimage pack; wildcards name every file they match.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string? Path { get; set; }

        /// <summary>A catalog file or .euimage pack, taken as it is (no wildcards); files from Get-ChildItem bind here.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string? LiteralPath { get; set; }

        /// <summary>Only entries whose operating system matches one of these (wildcards), such as centos* or ubuntu-focal.</summary>
        [Parameter]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string[]? OS { get; set; }

        /// <summary>Only entries of one of these architectures (x86_64, i386, ...), compared without regard to case.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(BundlingArchitectureCompleter))]
        public string[]? Architecture { get; set; }

        /// <summary>Only entries of this virtualization type: hvm or paravirtual.</summary>
        [Parameter]
        [ValidateSet(CatalogVirtualizationTypes.Hvm, CatalogVirtualizationTypes.Paravirtual)]
        public string? VirtualizationType { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            IEnumerable<Uri> locations = ParameterSetName == UriSet
                ? new[] { Locate() }
                : ResolveInputPaths(Path, LiteralPath).Select(path => new Uri(path));
            using var reader = new CatalogReader();
            foreach (Uri location in locations)
            {
                CatalogListing listing = RunEngine((progress, token) => reader.ReadAsync(location, progress, token));
                WriteVerbose($"{listing.Catalog}: a {listing.Generation} catalog of {listing.Images.Count} entries.");
                WriteObject(listing.Images.Where(Matches), enumerateCollection: true);
                foreach (var error in listing.Errors)
                {
                    WriteError(ErrorRecords.From(error));
                }
            }
        }

        private Uri Locate()
        {
            CatalogLocation location = CatalogLocation.Find(Uri, ConfigurationEnvironment.FromSystem());
            WriteVerbose($"Catalog {location.Display} (from {location.Origin}).");
            return location.Uri;
        }

        private bool Matches(CatalogImage image) =>
            MatchesAny(Name, image.Name)
            && MatchesAny(OS, image.OperatingSystem)
            && (Architecture == null || Architecture.Any(a => string.Equals(a, image.Architecture, StringComparison.OrdinalIgnoreCase)))
            && (VirtualizationType == null || string.Equals(VirtualizationType, image.VirtualizationType, StringComparison.OrdinalIgnoreCase));

        private static bool MatchesAny(string[]? patterns, string? value) =>
            patterns == null || (value != null && patterns.Any(p => new WildcardPattern(p, WildcardOptions.IgnoreCase).IsMatch(value)));
    }
}
