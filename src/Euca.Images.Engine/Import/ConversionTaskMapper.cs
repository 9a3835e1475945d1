using System.Collections.Generic;
using Amazon.EC2.Model;

namespace Euca.Images.Engine.Import
{
    /// <summary>SDK conversion tasks to <see cref="ConversionTaskInfo"/>; the SDK leaves absent members null.</summary>
    internal static class ConversionTaskMapper
    {
        public static ConversionTaskInfo From(ConversionTask task)
        {
            var info = new ConversionTaskInfo
            {
                ConversionTaskId = task.ConversionTaskId ?? "",
                State = task.State?.Value ?? "",
                StatusMessage = string.IsNullOrEmpty(task.StatusMessage) ? null : task.StatusMessage,
                ExpirationTime = System.DateTime.TryParse(task.ExpirationTime, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var expires) ? expires : (System.DateTime?)null,
            };
            if (task.ImportVolume is ImportVolumeTaskDetails volume)
            {
                info.TaskType = "ImportVolume";
                info.Description = volume.Description;
                info.Volumes.Add(new ConversionVolumeInfo
                {
                    Format = volume.Image?.Format?.Value ?? "",
                    ImageSize = volume.Image?.Size ?? 0,
                    ImportManifestUrl = volume.Image?.ImportManifestUrl,
                    VolumeId = EmptyToNull(volume.Volume?.Id),
                    VolumeSize = volume.Volume?.Size ?? 0,
                    AvailabilityZone = volume.AvailabilityZone,
                    BytesConverted = volume.BytesConverted ?? 0,
                });
            }
            else if (task.ImportInstance is ImportInstanceTaskDetails instance)
            {
                info.TaskType = "ImportInstance";
                info.Description = instance.Description;
                info.InstanceId = EmptyToNull(instance.InstanceId);
                info.Platform = instance.Platform?.Value;
                foreach (var disk in instance.Volumes ?? new List<ImportInstanceVolumeDetailItem>())
                {
                    info.Volumes.Add(new ConversionVolumeInfo
                    {
                        Format = disk.Image?.Format?.Value ?? "",
                        ImageSize = disk.Image?.Size ?? 0,
                        ImportManifestUrl = disk.Image?.ImportManifestUrl,
                        VolumeId = EmptyToNull(disk.Volume?.Id),
                        VolumeSize = disk.Volume?.Size ?? 0,
                        AvailabilityZone = disk.AvailabilityZone,
                        BytesConverted = disk.BytesConverted ?? 0,
                        Status = disk.Status,
                        StatusMessage = disk.StatusMessage,
                    });
                }
            }

            return info;
        }

        private static string? EmptyToNull(string? text) => string.IsNullOrEmpty(text) ? null : text;
    }
}
