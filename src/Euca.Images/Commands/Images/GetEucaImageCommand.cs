using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Euca.Images.Arguments;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Images;
using Euca.Images.Runtime;

namespace Euca.Images.Commands.Images
{
    /// <summary>Gets machine, kernel and ramdisk images (EMIs, EKIs, ERIs) from the cloud.</summary>
    /// <remarks>
    /// <para>With no -ImageId, -Owner or -ExecutableBy, lists what euca-describe-images lists: the images you own
    /// plus the images you may run, without duplicates, sorted by id. -Filter narrows any listing with the
    /// DescribeImages filters Eucalyptus supports (architecture, block-device-mapping.*, description, image-id,
    /// image-type, is-public, kernel-id, manifest-location, name, owner-alias, owner-id, platform, product-code,
    /// ramdisk-id, root-device-name, root-device-type, state, virtualization-type, tag:KEY, tag-key, tag-value);
    /// values may use * and ? wildcards.</para>
    /// <para>Image ids may be emi-, eki-, eri- or (Eucalyptus 5) ami-, aki-, ari- followed by 8 or 17 hex digits;
    /// a malformed id is rejected before anything is sent.</para>
    /// <para>Errors are per image: a malformed id is ImageIdInvalid and an image that does not exist or that you
    /// cannot see is ImageNotFound, with the id as target; the other images are still listed. An image given by id
    /// that -Owner, -ExecutableBy or the filters exclude is simply not listed.</para>
    /// </remarks>
    /// <example>
    /// <title>List the images you can use</title>
    /// <code>Get-EucaImage</code>
    /// <para>Shows your images and every image you may run, as a table.</para>
    /// </example>
    /// <example>
    /// <title>Find your EBS-backed machine images</title>
    /// <code>Get-EucaImage -Owner self -Filter @{ 'image-type' = 'machine'; 'root-device-type' = 'ebs' }</code>
    /// <para>Filters run in the cloud; several values for one filter match any of them.</para>
    /// </example>
    /// <example>
    /// <title>Find the cloud's public kernels by name</title>
    /// <code>Get-EucaImage -ImageType Kernel -Name 'vmlinuz-3.10*' -State available -ExecutableBy all</code>
    /// <para>The convenience parameters become the name, image-type, root-device-type and state filters. Kernels
    /// belong to the cloud administrator and are public, so this needs -ExecutableBy all: without it the search
    /// finds nothing.</para>
    /// </example>
    /// <example>
    /// <title>Look up images by id from the pipeline</title>
    /// <code>'emi-5a6b7c8d', 'eki-6e0f3b1d' | Get-EucaImage | Format-List</code>
    /// <para>Ids bind from the pipeline, as strings or as any object with an ImageId property.</para>
    /// </example>
    /// <seealso cref="Euca.Images.Commands.Images.RegisterEucaImageCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.GetEucaImageAttributeCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.EditEucaImageAttributeCommand"/>
    /// <seealso cref="Euca.Images.Commands.Images.UnregisterEucaImageCommand"/>
    /// <seealso href="about_Euca.Images"/>
    [Cmdlet(VerbsCommon.Get, "EucaImage")]
    [OutputType(typeof(ImageInfo))]
    public sealed class GetEucaImageCommand : EucaCloudCmdlet
    {
        /// <summary>The ids of the images to get.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("ImageIds", "Id")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(ImageIdCompleter))]
        public string[]? ImageId { get; set; }

        /// <summary>Only images owned by these accounts: account ids, self, or an owner alias such as eucalyptus.</summary>
        [Parameter(Position = 1)]
        [Alias("Owners")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AccountCompleter))]
        public string[]? Owner { get; set; }

        /// <summary>Only images these accounts may run: account ids, self or all.</summary>
        [Parameter(Position = 2)]
        [Alias("ExecutableUser", "ExecutableUsers")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AccountCompleter))]
        public string[]? ExecutableBy { get; set; }

        /// <summary>DescribeImages filters as a hashtable of filter name to one value or an array of values, for example @{ 'image-type' = 'kernel' }.</summary>
        [Parameter(Position = 3)]
        [Alias("Filters")]
        public Hashtable? Filter { get; set; }

        /// <summary>Only images whose name matches one of these; * and ? are wildcards (the DescribeImages name filter).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(FreeTextCompleter))]
        public string[]? Name { get; set; }

        /// <summary>Only images of these types: Machine, Kernel or Ramdisk (the image-type filter).</summary>
        [Parameter]
        [ValidateSet("Machine", "Kernel", "Ramdisk")]
        public string[]? ImageType { get; set; }

        /// <summary>Only InstanceStore or Ebs images (the root-device-type filter).</summary>
        [Parameter]
        [ValidateSet("InstanceStore", "Ebs")]
        public string[]? RootDeviceType { get; set; }

        /// <summary>Only images in these states: available, pending or failed (the state filter).</summary>
        [Parameter]
        [ValidateSet("available", "pending", "failed")]
        public string[]? State { get; set; }

        /// <summary>Only images carrying every one of these tags, as @{ key = 'value' } (the tag:KEY filters; * and ? are wildcards in values).</summary>
        [Parameter]
        public Hashtable? Tag { get; set; }

        /// <inheritdoc />
        protected override void ProcessEucaRecord()
        {
            var query = new ImageQuery
            {
                ImageIds = ImageId ?? new string[0],
                Owners = Owner ?? new string[0],
                ExecutableBy = ExecutableBy ?? new string[0],
                Filters = ToFilters(Filter),
                Names = Name ?? new string[0],
                ImageTypes = (ImageType ?? new string[0]).Select(t => (ImageKind)Enum.Parse(typeof(ImageKind), t, ignoreCase: true)).ToArray(),
                RootDeviceTypes = (RootDeviceType ?? new string[0]).Select(t => (RootDeviceKind)Enum.Parse(typeof(RootDeviceKind), t, ignoreCase: true)).ToArray(),
                States = State ?? new string[0],
                Tags = TagArguments.From(Tag),
            };

            var service = new ImageService(CurrentConnection);
            WriteListing(RunEngine((progress, token) => service.GetImagesAsync(query, token)));
        }

        // A hashtable's values may be one value or a collection, and may come wrapped in PSObjects.
        private static Dictionary<string, IReadOnlyList<string>> ToFilters(Hashtable? filter)
        {
            var filters = new Dictionary<string, IReadOnlyList<string>>();
            if (filter is null)
            {
                return filters;
            }

            foreach (DictionaryEntry entry in filter)
            {
                object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                IEnumerable<object?> values = value is IEnumerable many && value is not string
                    ? many.Cast<object?>()
                    : new[] { value };
                filters[entry.Key.ToString()!] = values.Select(v => LanguagePrimitives.ConvertTo<string>(v)).ToArray();
            }

            return filters;
        }
    }
}
