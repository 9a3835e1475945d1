using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Amazon.EC2;
using Amazon.EC2.Model;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;

namespace Euca.Images.Engine.Images.Attributes
{
    /// <summary>Describe, modify and reset image attributes (Describe/Modify/ResetImageAttribute); an unknown image is <c>ImageNotFound</c>.</summary>
    public sealed class ImageAttributes
    {
        private static readonly Regex AccountIdPattern = new Regex("^[0-9]{12}$", RegexOptions.CultureInvariant);
        private readonly CloudConnection _connection;

        public ImageAttributes(CloudConnection connection)
        {
            _connection = connection ?? throw new ArgumentNullException(nameof(connection));
        }

        public async Task<ImageAttributeInfo> GetAsync(string imageId, ImageAttributeName attribute, CancellationToken cancellationToken)
        {
            string id = ResourceIdPattern.Image(imageId);
            var request = new DescribeImageAttributeRequest { ImageId = id, Attribute = WireName(attribute) };
            var response = await ImageResource.Kind.CallForIdAsync(_connection, id, (ec2, ct) => ec2.DescribeImageAttributeAsync(request, ct), cancellationToken).ConfigureAwait(false);
            ImageAttribute value = response.ImageAttribute ?? new ImageAttribute();
            return new ImageAttributeInfo
            {
                ImageId = value.ImageId ?? id,
                Attribute = attribute,
                LaunchPermissions = (value.LaunchPermissions ?? new List<LaunchPermission>())
                    .Select(p => new ImageLaunchPermission { UserId = p.UserId, Group = p.Group?.Value })
                    .ToList(),
                ProductCodes = (value.ProductCodes ?? new List<ProductCode>()).Select(p => p.ProductCodeId).Where(p => p != null).ToList(),
                Description = value.Description,
                KernelId = value.KernelId,
                RamdiskId = value.RamdiskId,
                BlockDeviceMappings = (value.BlockDeviceMappings ?? new List<BlockDeviceMapping>()).Select(ImageInfoMapper.ToMapping).ToList(),
            };
        }

        /// <summary>
        /// Applies <paramref name="change"/>: one ModifyImageAttribute call per attribute that changes (the API takes one
        /// attribute per call). Launch permission entries are checked first (<c>LaunchPermissionInvalid</c>).
        /// </summary>
        public async Task ModifyAsync(string imageId, ImageAttributeChange change, CancellationToken cancellationToken)
        {
            if (change == null)
            {
                throw new ArgumentNullException(nameof(change));
            }

            string id = ResourceIdPattern.Image(imageId);
            var requests = new List<ModifyImageAttributeRequest>();
            List<LaunchPermission> add = (change.AddLaunchPermission ?? Array.Empty<string>()).Select(ToPermission).ToList();
            List<LaunchPermission> remove = (change.RemoveLaunchPermission ?? Array.Empty<string>()).Select(ToPermission).ToList();
            if (add.Count > 0 || remove.Count > 0)
            {
                requests.Add(new ModifyImageAttributeRequest
                {
                    ImageId = id,
                    LaunchPermission = new LaunchPermissionModifications
                    {
                        Add = add.Count > 0 ? add : null,
                        Remove = remove.Count > 0 ? remove : null,
                    },
                });
            }

            List<string> codes = (change.ProductCodes ?? Array.Empty<string>()).Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
            if (codes.Count > 0)
            {
                requests.Add(new ModifyImageAttributeRequest { ImageId = id, ProductCodes = codes });
            }

            if (change.Description != null)
            {
                requests.Add(new ModifyImageAttributeRequest { ImageId = id, Description = change.Description });
            }

            if (requests.Count == 0)
            {
                throw new EucaException(ErrorIds.ImageAttributeChangeMissing, EucaErrorCategory.InvalidArgument, "Nothing to change: give launch permissions, product codes or a description.", id);
            }

            foreach (ModifyImageAttributeRequest request in requests)
            {
                await ImageResource.Kind.CallForIdAsync(_connection, id, (ec2, ct) => ec2.ModifyImageAttributeAsync(request, ct), cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Resets the launch permissions: the image becomes private to its owner (the only attribute Eucalyptus resets).</summary>
        public Task ResetLaunchPermissionAsync(string imageId, CancellationToken cancellationToken)
        {
            string id = ResourceIdPattern.Image(imageId);
            var request = new ResetImageAttributeRequest { ImageId = id, Attribute = ResetImageAttributeName.LaunchPermission };
            return ImageResource.Kind.CallForIdAsync(_connection, id, (ec2, ct) => ec2.ResetImageAttributeAsync(request, ct), cancellationToken);
        }

        /// <summary>An account id (12 digits, dashes allowed as the console prints them) or <c>all</c>, which becomes Group=all.</summary>
        internal static LaunchPermission ToPermission(string entry)
        {
            string value = (entry ?? string.Empty).Trim();
            if (string.Equals(value, "all", StringComparison.OrdinalIgnoreCase))
            {
                return new LaunchPermission { Group = PermissionGroup.All };
            }

            string digits = value.Replace("-", string.Empty);
            if (!AccountIdPattern.IsMatch(digits))
            {
                throw new EucaException(
                    ErrorIds.LaunchPermissionInvalid,
                    EucaErrorCategory.InvalidArgument,
                    $"'{entry}' is not a launch permission: give a 12-digit account id or all.",
                    entry);
            }

            return new LaunchPermission { UserId = digits };
        }

        private static string WireName(ImageAttributeName attribute)
        {
            switch (attribute)
            {
                case ImageAttributeName.LaunchPermission: return "launchPermission";
                case ImageAttributeName.ProductCodes: return "productCodes";
                case ImageAttributeName.Description: return "description";
                case ImageAttributeName.Kernel: return "kernel";
                case ImageAttributeName.Ramdisk: return "ramdisk";
                default: return "blockDeviceMapping";
            }
        }
    }
}
