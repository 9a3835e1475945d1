using System;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Volumes
{
    /// <summary>The volume errors more than one call reports.</summary>
    internal static class VolumeErrors
    {
        /// <summary>The cloud's answer for a volume id it does not have.</summary>
        public static readonly ErrorId CloudNotFound = ErrorIds.CloudService("InvalidVolume.NotFound");

        /// <summary>A volume the cloud does not have, or one of another account (EC2 and Eucalyptus do not tell them apart).</summary>
        public static EucaException NotFound(string volumeId, Exception? inner = null) =>
            new EucaException(ErrorIds.VolumeNotFound, EucaErrorCategory.ObjectNotFound, $"The cloud has no volume {volumeId} that you can see.", volumeId, inner);
    }
}
