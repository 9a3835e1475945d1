using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.Registration;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Images.Lifecycle;

/// <summary>RegisterImage as Eucalyptus 4.4 ImageManager.register does it, with ImageManifests for bundles:
/// either an `ImageLocation` (instance-store: the manifest is read from object storage and checked) or an EBS root
/// mapping. Error codes and where they come from:
/// - MissingParameter: no Name; a paravirtual image without kernel and ramdisk (4.x ImageManager); neither a manifest
///   nor a root snapshot ("the request must specify either ImageLocation ... or a snapshot for the root device").
/// - InvalidParameterValue: a bad name/description (Images.isImageNameValid/isImageDescriptionValid), architecture,
///   virtualization type, block device mapping (Images.validateBlockDeviceMappings' MetadataException), an image over
///   `cloud.images.maximagesizegb` ("Cannot register image of size ..."), a paravirtual EBS image (EBS is HVM only).
/// - InvalidManifest: the manifest cannot be read or parsed, or its signature matches no certificate (checkManifest).
/// - AuthFailure (400): the manifest's `image/user` is another account ("Manifest is not accessible",
///   ImageManifests.lookup), or a non-administrator registers a kernel or ramdisk ("Only administrators can register
///   kernel images.").
/// - InvalidAMIID.NotFound: the kernel or ramdisk does not exist as such (Images.lookupKernel/lookupRamdisk).
/// - InvalidParameterValue for EBS images: a mapped snapshot that does not exist, a size below the snapshot's, a root
///   snapshot of another account (<see cref="SnapshotMappingRules"/>); sizes left out are the snapshot's.
/// New images are `pending` and become `available` after the configured delay.</summary>
public sealed partial class RegisterImageAction : ICloudAction
{
    [GeneratedRegex("^[A-Za-z0-9()./_-]{3,128}$")]
    private static partial Regex ImageName();

    public string Name => "RegisterImage";

    public CloudService Service => CloudService.Compute;

    public async Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        QueryParameters p = context.Parameters;
        string name = p.GetRequired("Name");
        if (!ImageName().IsMatch(name))
        {
            throw CloudErrors.InvalidParameterValue($"Invalid image name: {name}");
        }

        string? description = p.Get("Description");
        if (description is { Length: > 255 })
        {
            throw CloudErrors.InvalidParameterValue("Invalid image description: longer than 255 characters");
        }

        string? architecture = p.Get("Architecture");
        if (architecture is not null and not ("i386" or "x86_64" or "armhf"))
        {
            throw CloudErrors.InvalidParameterValue($"Invalid architecture: {architecture}");
        }

        string? virtualization = p.Get("VirtualizationType")?.ToLowerInvariant();
        if (virtualization is not null and not ("hvm" or "paravirtual"))
        {
            throw CloudErrors.InvalidParameterValue("Unknown virtualization-type");
        }

        var mappings = DeviceMappingRules.Read(p);
        ImageRecord image = p.Get("ImageLocation") is { Length: > 0 } location
            ? await FromManifestAsync(context, location, name, architecture, virtualization, mappings, cancellationToken)
            : FromEbsRoot(context, name, virtualization, mappings);

        string imageId = context.Services.ImageIds.Next(image.ImageType, id => context.State.FindImage(id) is not null);
        image = image with
        {
            ImageId = imageId,
            OwnerId = context.Account.AccountId,
            Description = description,
            State = ImageStates.Pending,
            CreationDate = context.Time.GetUtcNow(),
        };
        context.State.PutImage(image);
        ActivateLater(context, imageId);
        return ActionResponse.Ec2(Name, w => w.WriteElementString("imageId", imageId));
    }

    private static async Task<ImageRecord> FromManifestAsync(ActionContext context, string location, string name, string? architecture,
        string? virtualization, List<(BlockDeviceMappingRecord Mapping, bool NoDevice)> mappings, CancellationToken cancellationToken)
    {
        DeviceMappingRules.Validate(mappings, allowEbs: false, allowSda1Root: false);
        string clean = location.TrimStart('/');
        int slash = clean.IndexOf('/');
        if (slash < 2 || slash + 1 >= clean.Length)
        {
            throw CloudErrors.InvalidParameterValue($"Image registration failed:  Invalid image location: {location}");
        }

        IManifestSource manifests = context.Services.Manifests
            ?? throw BundleManifestFacts.InvalidManifest($"Failed to read manifest file: {clean}: this cloud has no object storage");
        string? text;
        try
        {
            text = await manifests.GetAsync(clean[..slash], clean[(slash + 1)..], cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw BundleManifestFacts.InvalidManifest($"Failed to read manifest file: {clean}: {e.Message}");
        }

        BundleManifestFacts manifest = BundleManifestFacts.Parse(text ?? throw BundleManifestFacts.InvalidManifest($"Failed to read manifest file: {clean}"), clean);
        Account caller = context.Account;
        if (manifest.User != caller.AccountId)
        {
            throw CloudErrors.NotPermitted("Manifest is not accessible");
        }

        if (!manifest.IsSignedByAny(SigningCandidates(context)))
        {
            throw BundleManifestFacts.InvalidManifest("Invalid Manifest: the signature does not match the certificate of the account that registers it.");
        }

        if ((manifest.IsKernel || manifest.IsRamdisk) && !caller.IsAdmin)
        {
            throw CloudErrors.NotPermitted($"Only administrators can register {(manifest.IsKernel ? "kernel" : "ramdisk")} images.");
        }

        double maxGb = context.Services.Settings.MaxImageSizeGb;
        if (maxGb > 0 && manifest.Size > maxGb * 1024 * 1024 * 1024)
        {
            throw CloudErrors.InvalidParameterValue(
                $"Cannot register image of size {manifest.Size} bytes because it exceeds the configured maximum instance-store image size of {maxGb} GB. Please contact your administrator ");
        }

        var record = new ImageRecord
        {
            Name = name,
            ManifestLocation = clean,
            Architecture = architecture ?? manifest.Architecture,
            RootDeviceType = "instance-store",
            RootDeviceName = DeviceMappingRules.RootDevice,
            BlockDeviceMappings = mappings.Where(m => !m.NoDevice).Select(m => m.Mapping).ToArray(),
        };
        if (manifest.IsKernel || manifest.IsRamdisk)
        {
            return record with { ImageType = manifest.IsKernel ? "kernel" : "ramdisk", VirtualizationType = "paravirtual" };
        }

        string? kernelParameter = context.Parameters.Get("KernelId");
        bool windows = manifest.IsWindows || kernelParameter == "windows" || context.Parameters.Get("Platform") == "windows";
        if (windows)
        {
            return record with { Platform = "windows", VirtualizationType = "hvm" };
        }

        string? kernelId = kernelParameter ?? KernelOrRamdiskId(manifest.ManifestKernelId);
        string? ramdiskId = context.Parameters.Get("RamdiskId") ?? KernelOrRamdiskId(manifest.ManifestRamdiskId);
        string kind = virtualization ?? (kernelId is null ? "hvm" : "paravirtual");
        if (kind == "paravirtual")
        {
            if (kernelId is null || ramdiskId is null)
            {
                throw CloudErrors.MissingParameter(kernelId is null ? "KernelId" : "RamdiskId");
            }

            RequireImage(context, kernelId, "kernel");
            RequireImage(context, ramdiskId, "ramdisk");
            return record with { VirtualizationType = kind, KernelId = kernelId, RamdiskId = ramdiskId };
        }

        return record with { VirtualizationType = kind };
    }

    private static ImageRecord FromEbsRoot(ActionContext context, string name, string? virtualization,
        List<(BlockDeviceMappingRecord Mapping, bool NoDevice)> mappings)
    {
        string rootDevice = context.Parameters.Get("RootDeviceName") ?? DeviceMappingRules.RootDevice;
        DeviceMappingRules.Validate(mappings, allowEbs: true, allowSda1Root: true);
        bool wholeDiskMapped = mappings.Any(m => m.Mapping.DeviceName == DeviceMappingRules.RootDevice);
        if (rootDevice == DeviceMappingRules.PartitionedRootDevice && !wholeDiskMapped)
        {
            // Eucalyptus 3.3+ keeps /dev/sda as the root of EBS images and rewrites /dev/sda1 to it.
            rootDevice = DeviceMappingRules.RootDevice;
            mappings = mappings
                .Select(m => m.Mapping.DeviceName == DeviceMappingRules.PartitionedRootDevice ? (m.Mapping with { DeviceName = rootDevice }, m.NoDevice) : m)
                .ToList();
        }

        (BlockDeviceMappingRecord Mapping, bool NoDevice) root = mappings.FirstOrDefault(m => m.Mapping.DeviceName == rootDevice && m.Mapping.SnapshotId is not null);
        if (root.Mapping is null)
        {
            throw CloudErrors.MissingParameter(
                "ImageLocation or a BlockDeviceMapping with a snapshot for the root device (the request must specify either ImageLocation for an instance-store image or a snapshot for the root device for an EBS image)");
        }

        if (virtualization == "paravirtual")
        {
            throw CloudErrors.InvalidParameterValue("EBS-backed images must use the hvm virtualization type");
        }

        mappings = SnapshotMappingRules.Apply(mappings, context.State.Snapshots, context.Account, rootDevice);

        return new ImageRecord
        {
            Name = name,
            Architecture = context.Parameters.Get("Architecture") ?? "x86_64",
            RootDeviceType = "ebs",
            RootDeviceName = rootDevice,
            VirtualizationType = "hvm",
            Platform = context.Parameters.Get("Platform") == "windows" || context.Parameters.Get("KernelId") == "windows" ? "windows" : null,
            BlockDeviceMappings = mappings.Where(m => !m.NoDevice).Select(m => m.Mapping).ToArray(),
        };
    }

    /// <summary>The certificates Eucalyptus tries: the caller's account, the cloud's, then every account's.</summary>
    private static IEnumerable<X509Certificate2> SigningCandidates(ActionContext context)
    {
        if (context.Account.Certificate is { } own)
        {
            yield return own;
        }

        yield return context.State.CloudCertificate;
        foreach (Account account in context.State.Accounts)
        {
            if (account.Certificate is { } certificate && account != context.Account)
            {
                yield return certificate;
            }
        }
    }

    private static string? KernelOrRamdiskId(string? manifestValue) =>
        manifestValue is not null && ImageIds.Canonicalize(manifestValue) is { } id ? id : null;

    private static void RequireImage(ActionContext context, string imageId, string imageType)
    {
        string id = ImageIds.Canonicalize(imageId) ?? throw CloudErrors.ImageIdMalformed(imageId);
        ImageRecord? image = context.State.FindImage(id);
        if (image is null || image.ImageType != imageType || !ImageAccess.IsVisibleTo(image, context.Account) || !ImageStates.IsListed(image.State))
        {
            throw CloudErrors.ImageNotFound([id]);
        }
    }

    private static void ActivateLater(ActionContext context, string imageId)
    {
        TimeSpan delay = TimeSpan.FromSeconds(context.Services.Settings.PendingSeconds);
        CloudState state = context.State;
        _ = Task.Delay(delay, context.Time).ContinueWith(
            _ => state.UpdateImage(imageId, i => i.State == ImageStates.Pending ? i with { State = ImageStates.Available } : i),
            TaskScheduler.Default);
    }
}
