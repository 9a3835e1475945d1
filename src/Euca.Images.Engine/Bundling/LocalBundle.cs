using System.Collections.Generic;
using System.IO;
using System.Linq;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Bundling.Payload;

namespace Euca.Images.Engine.Bundling
{
    /// <summary>A manifest read from disk and the part files it names, looked up in one directory.</summary>
    internal sealed class LocalBundle
    {
        private LocalBundle(string manifestPath, ManifestDocument document, string partsDirectory)
        {
            ManifestPath = manifestPath;
            Document = document;
            PartsDirectory = partsDirectory;
        }

        public string ManifestPath { get; }

        public ManifestDocument Document { get; }

        public BundleManifest Manifest => Document.Manifest;

        public string PartsDirectory { get; }

        /// <summary>Reads the manifest; parts are looked for beside it unless <paramref name="partsDirectory"/> is given.</summary>
        public static LocalBundle Open(string manifestPath, string? partsDirectory)
        {
            string fullPath = Path.GetFullPath(manifestPath);
            ManifestDocument document = ManifestReader.ReadFile(fullPath);
            return new LocalBundle(fullPath, document, Path.GetFullPath(partsDirectory ?? Path.GetDirectoryName(fullPath)!));
        }

        /// <summary>Part names come only from the manifest (the reader already refused names that leave the folder).</summary>
        public string PartPath(BundlePart part) => Path.Combine(PartsDirectory, part.FileName);

        public IReadOnlyList<PayloadPartSource> PartSources() =>
            Manifest.Parts.OrderBy(part => part.Index)
                .Select(part => PayloadPartSource.FromFile(part.Index, PartPath(part), part.Digest))
                .ToList();

        /// <summary>
        /// Part files of this bundle's name that the manifest does not list: a sign that the folder mixes two bundles
        /// or that the manifest was cut short.
        /// </summary>
        public IReadOnlyList<string> UnexpectedParts()
        {
            if (!Directory.Exists(PartsDirectory))
            {
                return new string[0];
            }

            var listed = new HashSet<string>(Manifest.Parts.Select(part => part.FileName));
            // No search pattern: the image name is data, and some platforms give pattern characters a meaning.
            return Directory.EnumerateFiles(PartsDirectory)
                .Select(Path.GetFileName)
                .Where(name => BundleNames.IsPartOf(name!, Manifest.ImageName) && !listed.Contains(name!))
                .OrderBy(name => name)
                .ToList()!;
        }

        /// <summary>The unbundled file's name is the manifest's image name; it must not lead out of the destination.</summary>
        public string OutputPath(string destination) => OutputPathFor(Manifest, destination);

        /// <summary>See <see cref="OutputPath"/>; also for bundles read straight from object storage.</summary>
        public static string OutputPathFor(BundleManifest manifest, string destination)
        {
            string name = manifest.ImageName;
            ImageFileNames.Check(name);
            return Path.Combine(Path.GetFullPath(destination), name);
        }
    }
}
