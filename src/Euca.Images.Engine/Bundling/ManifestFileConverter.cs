using System;
using System.IO;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Bundling
{
    /// <summary>
    /// Converts a manifest file for another cloud (<see cref="ManifestConverter"/>) and writes the result atomically.
    /// Nothing is replaced silently: without a destination the result goes beside the original as
    /// <c>PREFIX.converted.manifest.xml</c>; an existing file (the original included) is replaced only when forced,
    /// and forcing without a destination converts the original in place.
    /// </summary>
    public static class ManifestFileConverter
    {
        /// <param name="destination">A file, or an existing folder to write the original's file name into; null chooses as described above.</param>
        public static ManifestConversionResult Convert(string manifestPath, string? destination, bool force, ManifestConversionRequest request)
        {
            if (manifestPath == null) throw new ArgumentNullException(nameof(manifestPath));
            if (request == null) throw new ArgumentNullException(nameof(request));
            string output = OutputPath(manifestPath, destination, force);
            ManifestDocument document = ManifestReader.ReadFile(manifestPath);
            ConvertedManifest converted = ManifestConverter.Convert(document, request, manifestPath);
            AtomicFile.Write(output, converted.Content);
            return new ManifestConversionResult(manifestPath, output, converted.Manifest, request.CloudCertificate);
        }

        /// <summary>The file the conversion writes; checked before any key is used, so a refused run changes nothing.</summary>
        public static string OutputPath(string manifestPath, string? destination, bool force)
        {
            string source = Path.GetFullPath(manifestPath);
            string output = destination == null
                ? (force ? source : Path.Combine(Path.GetDirectoryName(source)!, BundleNames.ConvertedManifestFileName(Path.GetFileName(source))))
                : Directory.Exists(destination) ? Path.Combine(destination, Path.GetFileName(source)) : Path.GetFullPath(destination);
            if (File.Exists(output) && !force)
            {
                string what = string.Equals(output, source, StringComparison.Ordinal) ? "it is the original manifest" : "it exists";
                throw new EucaException(ErrorIds.ManifestConversionDestinationExists, EucaErrorCategory.ResourceExists,
                    $"The converted manifest would be written to '{output}', but {what}. Give another -Destination, or -Force to replace it.", output);
            }

            return output;
        }
    }
}
