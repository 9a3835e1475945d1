using System.Collections.Generic;
using System.Linq;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// The resources a Describe* query found, and one error per requested id that could not be described (malformed,
    /// or unknown to the cloud, with the id as target), so that one bad id does not hide the others.
    /// </summary>
    public sealed class ResourceListing<T>
    {
        public ResourceListing(IReadOnlyList<T> items, IReadOnlyList<EucaException> errors)
        {
            Items = items;
            Errors = errors;
        }

        /// <summary>The resources, in id order.</summary>
        public IReadOnlyList<T> Items { get; }

        /// <summary>The per-id errors, in the order the ids were given.</summary>
        public IReadOnlyList<EucaException> Errors { get; }

        /// <summary>The resource a query for one id found; when there is none, that id's error is thrown.</summary>
        internal T Single()
        {
            if (Errors.Count > 0)
            {
                throw Errors[0];
            }

            return Items.Single();
        }
    }
}
