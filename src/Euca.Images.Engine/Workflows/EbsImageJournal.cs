using System.Collections.Generic;
using Euca.Images.Engine.Import;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>
    /// What <see cref="EbsImageInstaller"/> has made so far (conversion task, volume, snapshot, image), kept up to date
    /// while it runs, and the commands that resume or clean each up. A failure's error includes it; the caller keeps
    /// it to report the same when the run is stopped (Ctrl+C).
    /// </summary>
    public sealed class EbsImageJournal
    {
        private readonly string _imageName;
        private readonly VolumeImportRequest _import;
        private string? _taskId;

        internal EbsImageJournal(string imageName, VolumeImportRequest import)
        {
            _imageName = imageName;
            _import = import;
        }

        /// <summary>The conversion task: known to the import's own journal as soon as the cloud creates it.</summary>
        public string? ConversionTaskId
        {
            get => _taskId ?? _import.Upload.Journal.ConversionTaskId;
            internal set => _taskId = value;
        }

        public string? VolumeId { get; internal set; }

        public string? SnapshotId { get; internal set; }

        public string? ImageId { get; internal set; }

        /// <summary>True once the uploaded disk image parts and manifest are deleted.</summary>
        public bool DiskImageRemoved { get; internal set; }

        /// <summary>A summary for the user: what exists, and how to go on or clean up.</summary>
        public string Describe()
        {
            var parts = new List<string>();
            if (ImageId != null)
            {
                parts.Add($"image {ImageId} is registered (remove it with Unregister-EucaImage -ImageId {ImageId} -Purge)");
            }

            if (SnapshotId != null && ImageId == null)
            {
                parts.Add($"snapshot {SnapshotId} exists (register it with Register-EucaImage -Name '{_imageName.Replace("'", "''")}' -SnapshotId {SnapshotId})");
            }

            if (VolumeId != null)
            {
                parts.Add($"volume {VolumeId} exists" + (SnapshotId == null
                    ? $" (snapshot it with New-EucaSnapshot -VolumeId {VolumeId}, or delete it with Remove-EucaVolume -VolumeId {VolumeId})"
                    : $" (delete it with Remove-EucaVolume -VolumeId {VolumeId})"));
            }

            string? taskId = ConversionTaskId;
            if (taskId != null && !DiskImageRemoved)
            {
                parts.Add(VolumeId != null || SnapshotId != null
                    ? $"the uploaded disk image of {taskId} exists (delete it with Stop-EucaConversionTask -ConversionTaskId {taskId} -RemoveDiskImage)"
                    : _import.Upload.Journal.UploadComplete
                        ? $"conversion task {taskId} is converting the uploaded disk into a volume (follow it with Wait-EucaConversionTask -ConversionTaskId {taskId} and snapshot the volume with New-EucaSnapshot, or cancel and clean up with Stop-EucaConversionTask -ConversionTaskId {taskId} -RemoveDiskImage)"
                        : _import.Source != null
                            ? $"conversion task {taskId} and its uploaded parts exist (clean up with Stop-EucaConversionTask -ConversionTaskId {taskId} -RemoveDiskImage)"
                            : $"conversion task {taskId} and its uploaded parts exist (resume with Resume-EucaImport -ConversionTaskId {taskId} -Path '{_import.Path.Replace("'", "''")}', or clean up with Stop-EucaConversionTask -ConversionTaskId {taskId} -RemoveDiskImage)");
            }

            return parts.Count == 0 ? "Nothing was left behind." : "Left behind: " + string.Join("; ", parts) + ".";
        }
    }
}
