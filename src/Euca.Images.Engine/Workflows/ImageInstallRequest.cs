using System.Collections.Generic;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>
    /// What <see cref="ImageInstaller"/> installs: a machine image, optionally with the kernel and ramdisk it boots
    /// with (a paravirtual set), each bundled, uploaded and registered in one streamed pass.
    /// </summary>
    public sealed class ImageInstallRequest
    {
        public ImageInstallRequest(string name, BundleCreateRequest machine, BundleUploadTarget target)
        {
            Name = name;
            Machine = machine;
            Target = target;
        }

        /// <summary>The machine image's name; a kernel and ramdisk installed with it are named NAME-kernel and NAME-ramdisk.</summary>
        public string Name { get; }

        public BundleCreateRequest Machine { get; }

        /// <summary>A kernel file to install first as an EKI; the machine image then boots with it.</summary>
        public BundleCreateRequest? Kernel { get; set; }

        /// <summary>A ramdisk file to install first as an ERI; the machine image then boots with it.</summary>
        public BundleCreateRequest? Ramdisk { get; set; }

        public BundleUploadTarget Target { get; }

        public string? Description { get; set; }

        /// <summary>Null lets the installer choose: paravirtual when the image boots a kernel image, else HVM.</summary>
        public VirtualizationKind? VirtualizationType { get; set; }

        /// <summary>"windows" for Windows images; Eucalyptus then treats the image as HVM Windows.</summary>
        public string? Platform { get; set; }

        /// <summary>Grant launch permission to everyone (group all) on every image installed.</summary>
        public bool Public { get; set; }

        /// <summary>Tags for every image installed, added right after each is registered (a failure rolls back as any other).</summary>
        public IReadOnlyDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        /// <summary>Keep what was uploaded when a later step fails (images registered by the failed call are still removed).</summary>
        public bool KeepBundle { get; set; }

        public int MaxPendingParts { get; set; } = BundleStreamUploader.DefaultMaxPendingParts;
    }
}
