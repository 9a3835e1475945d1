using System;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// Converts a manifest stored in object storage for another cloud, as <see cref="ManifestFileConverter"/> does for
    /// files: the parts are never read. The converted manifest stays in the original's bucket and folder (the cloud
    /// reads the parts beside it), by default as <c>PREFIX.converted.manifest.xml</c>; an existing object, the
    /// original included, is replaced only when forced, and forcing without a destination converts in place.
    /// </summary>
    public static class StoredManifestConverter
    {
        /// <param name="destination">bucket/[prefix/]name.manifest.xml in the original's bucket and folder; null chooses as described above.</param>
        public static async Task<ManifestConversionResult> ConvertAsync(CloudConnection connection, string location, string? destination, bool force,
            ManifestConversionRequest request, CancellationToken ct)
        {
            if (connection == null) throw new ArgumentNullException(nameof(connection));
            if (request == null) throw new ArgumentNullException(nameof(request));
            ManifestLocation source = ManifestLocation.Parse(location);
            ManifestLocation output = OutputLocation(source, destination, force);
            var store = ObjectStore.For(connection, null);
            if (!force)
            {
                StoredObject? existing = await new StorageCall("Checking the destination", output.Bucket, output.Key, ErrorIds.StorageManifestUnreadable)
                    .RunAsync(token => store.HeadAsync(output.Bucket, output.Key, token), ct).ConfigureAwait(false);
                if (existing != null) throw Exists(output, output.Key == source.Key);
            }

            StoredManifest stored = await StoredManifest.ReadAsync(store, source, ct).ConfigureAwait(false);
            ConvertedManifest converted = ManifestConverter.Convert(stored.Document, request, source.ToString());
            await StoredManifestWriter.PutAsync(store, output, converted.Content, BundleAcl.AwsExecRead, null, ct).ConfigureAwait(false);
            return new ManifestConversionResult(source.ToString(), output.ToString(), converted.Manifest, request.CloudCertificate);
        }

        /// <summary>The location the conversion writes to (checked before anything is read).</summary>
        public static ManifestLocation OutputLocation(ManifestLocation source, string? destination, bool force)
        {
            if (destination == null)
            {
                return force ? source : ManifestLocation.Parse(source.Bucket + "/" + source.KeyFor(BundleNames.ConvertedManifestFileName(source.ManifestName)));
            }

            ManifestLocation output;
            try
            {
                output = ManifestLocation.Parse(destination);
            }
            catch (EucaException invalid)
            {
                throw Elsewhere(destination, invalid.Message, invalid);
            }

            if (output.Bucket != source.Bucket || output.KeyPrefix != source.KeyPrefix)
            {
                throw Elsewhere(destination, $"it is not in the bucket and folder of the parts ('{source.Bucket}/{source.KeyPrefix}').", null);
            }

            return output;
        }

        private static EucaException Elsewhere(string destination, string problem, Exception? cause) =>
            new EucaException(ErrorIds.ManifestConversionDestinationInvalid, EucaErrorCategory.InvalidArgument,
                $"The converted manifest cannot be stored at '{destination}': {problem} The cloud reads the parts beside the manifest, so it must stay with them.",
                destination, cause);

        private static EucaException Exists(ManifestLocation output, bool isOriginal) =>
            new EucaException(ErrorIds.ManifestConversionDestinationExists, EucaErrorCategory.ResourceExists,
                $"The converted manifest would be stored at '{output}', but {(isOriginal ? "that is the original manifest" : "an object is stored there")}. Give another -Destination, or -Force to replace it.",
                output.ToString());
    }
}
