using System.Collections.Generic;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Volumes
{
    /// <summary>
    /// The volumes a query found, and one error per requested id that could not be described (<c>VolumeIdInvalid</c>
    /// or <c>VolumeNotFound</c>, with the id as target), so that one bad id does not hide the others.
    /// </summary>
    public sealed class VolumeListing
    {
        public VolumeListing(IReadOnlyList<VolumeInfo> volumes, IReadOnlyList<EucaException> errors)
        {
            Volumes = volumes;
            Errors = errors;
        }

        /// <summary>The volumes, in id order.</summary>
        public IReadOnlyList<VolumeInfo> Volumes { get; }

        /// <summary>The per-id errors, in the order the ids were given.</summary>
        public IReadOnlyList<EucaException> Errors { get; }
    }
}
