namespace Euca.Images.Engine.Import
{
    /// <summary>
    /// What an import has made so far: its conversion task and the storage folder of its manifest and parts, kept up
    /// to date while it runs. The caller keeps it so that, when the import is stopped (Ctrl+C), it can say what exists
    /// and how to resume or clean up; a failure's error already says the same.
    /// </summary>
    public sealed class ImportJournal
    {
        /// <summary>The conversion task, once the cloud has created it.</summary>
        public string? ConversionTaskId { get; private set; }

        /// <summary>Bucket and folder of the import manifest and parts.</summary>
        public string? StorageFolder { get; private set; }

        /// <summary>The disk file being uploaded, which a resume needs again.</summary>
        public string? DiskPath { get; private set; }

        /// <summary>True once every part is stored: the cloud converts the disk on its own from then on.</summary>
        public bool UploadComplete { get; private set; }

        /// <summary>False when the disk is not a local file (another cloud's object), which Resume-EucaImport cannot read.</summary>
        public bool Resumable { get; private set; } = true;

        /// <summary>A summary for the user: what exists, how to resume or follow it, how to clean up.</summary>
        public string Describe()
        {
            if (ConversionTaskId == null)
            {
                return "No conversion task was created, so nothing needs resuming or cleaning up.";
            }

            return UploadComplete
                ? $"Conversion task {ConversionTaskId} has its whole disk uploaded and converts on its own: follow it with " +
                  $"Wait-EucaConversionTask -ConversionTaskId {ConversionTaskId}, or cancel and clean up with " +
                  $"Stop-EucaConversionTask -ConversionTaskId {ConversionTaskId} -RemoveDiskImage"
                : Leftovers(ConversionTaskId, StorageFolder!, DiskPath!, Resumable);
        }

        internal void Record(string conversionTaskId, ImportLocation location, string diskPath, bool resumable)
        {
            Resumable = resumable;
            StorageFolder = location.Bucket + "/" + location.Folder;
            DiskPath = diskPath;
            ConversionTaskId = conversionTaskId;
        }

        internal void Uploaded() => UploadComplete = true;

        internal static string Leftovers(string conversionTaskId, string storageFolder, string diskPath, bool resumable) => !resumable
            ? $"Left behind: conversion task {conversionTaskId} and the objects under {storageFolder}. " +
              $"Clean up with: Stop-EucaConversionTask -ConversionTaskId {conversionTaskId} -RemoveDiskImage"
            : $"Left behind: conversion task {conversionTaskId} and the objects under {storageFolder}. " +
            $"Resume with: Resume-EucaImport -ConversionTaskId {conversionTaskId} -Path '{diskPath.Replace("'", "''")}'  " +
            $"or clean up with: Stop-EucaConversionTask -ConversionTaskId {conversionTaskId} -RemoveDiskImage";
    }
}
