using System;
using System.Collections.Generic;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// One image a catalog offers, whichever generation it was read from: what Find-EucaCatalogImage emits and
    /// Install-EucaCatalogImage takes from the pipeline. The optional facts are those some generations do not give.
    /// </summary>
    public sealed class CatalogImage
    {
        public CatalogImage(string name, Uri uri, CatalogGeneration generation, string catalog)
        {
            Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("A catalog image needs a name.", nameof(name)) : name;
            Uri = uri ?? throw new ArgumentNullException(nameof(uri));
            Generation = generation;
            Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        }

        /// <summary>
        /// eustore: the ten-digit id; catalog-web: <c>os-created-date</c>; eucalyptus-images: <c>os</c>; euimage:
        /// <c>name-version-release.arch</c>. Installed images are named and tagged after it.
        /// </summary>
        public string Name { get; }

        /// <summary>Where the file to download is (absolute; a catalog's relative URL is resolved against the catalog).</summary>
        public Uri Uri { get; }

        public CatalogGeneration Generation { get; }

        /// <summary>The catalog the entry came from: its URL or the path of the file it was read from.</summary>
        public string Catalog { get; }

        public string? OperatingSystem { get; set; }

        public string? Version { get; set; }

        /// <summary>x86_64, i386, ... as the catalog names it.</summary>
        public string? Architecture { get; set; }

        /// <summary>hvm or paravirtual.</summary>
        public string? VirtualizationType { get; set; }

        /// <summary>The disk format the catalog declares (raw, qcow2, vmdk), or tarball / euimage for those containers.</summary>
        public string? Format { get; set; }

        /// <summary>Bytes of the download or of the image, where the catalog says.</summary>
        public long? Size { get; set; }

        public string? Description { get; set; }

        /// <summary>The user to log in as (eucalyptus-images <c>login</c>).</summary>
        public string? LoginUser { get; set; }

        public CatalogChecksum? Checksum { get; set; }

        /// <summary>When the image was made (eustore <c>date</c>, catalog-web <c>created-date</c>).</summary>
        public DateTimeOffset? Created { get; set; }

        /// <summary>eustore <c>hypervisors-supported</c>: the kernel folders (<c>kvm-kernel</c>, <c>xen-kernel</c>) its tarball holds.</summary>
        public IReadOnlyList<string> Hypervisors { get; set; } = Array.Empty<string>();

        /// <summary>
        /// eustore <c>single-kernel</c>: true when the tarball keeps its kernel and ramdisk at the top level instead of
        /// in one <c>HYPERVISOR-kernel</c> folder per hypervisor; null where the generation does not say.
        /// </summary>
        public bool? SingleKernel { get; set; }

        /// <summary>The euimage profile (a key of image-md.yml's <c>profiles</c>) this entry installs; one entry per profile.</summary>
        public string? Profile { get; set; }

        /// <summary>
        /// What a generation says beyond the common facts, under the catalog's own key: eustore <c>recipe</c>,
        /// <c>stamp</c>, <c>contact</c>; eucalyptus-images <c>url-name</c>, <c>updates</c>, <c>url-meta</c>; euimage
        /// <c>release</c>, <c>epoch</c>, <c>platform</c>.
        /// </summary>
        public IReadOnlyDictionary<string, string> Details { get; set; } = new Dictionary<string, string>();

        public override string ToString() => Name;
    }
}
