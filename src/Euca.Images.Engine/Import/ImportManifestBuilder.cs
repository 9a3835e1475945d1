using System.Reflection;

namespace Euca.Images.Engine.Import
{
    /// <summary>Builds the manifest of one import: the part plan with pre-signed HEAD/GET/DELETE URLs per part.</summary>
    internal static class ImportManifestBuilder
    {
        public static ImportManifest Build(ImportUrlSigner signer, string manifestKey, string fileName, long fileSize,
            string fileFormat, long imageBytes, long volumeSize, long partSize)
        {
            var manifest = new ImportManifest
            {
                FileFormat = fileFormat,
                ImporterVersion = typeof(ImportManifestBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
                SelfDestructUrl = signer.Url("DELETE", manifestKey),
                Size = imageBytes,
                VolumeSize = volumeSize,
            };
            foreach (var (index, start, end) in ImportPartPlan.Plan(fileSize, partSize))
            {
                string key = ImportPartPlan.PartKey(manifestKey, fileName, index);
                manifest.Parts.Add(new ImportManifestPart
                {
                    Index = index,
                    Start = start,
                    End = end,
                    Key = key,
                    HeadUrl = signer.Url("HEAD", key),
                    GetUrl = signer.Url("GET", key),
                    DeleteUrl = signer.Url("DELETE", key),
                });
            }

            return manifest;
        }
    }
}
