using System.Collections.Generic;
using System.Linq;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>The target an error of a describe call names, from the ids the call asked for.</summary>
    internal static class ComputeTarget
    {
        /// <summary>
        /// The one id asked for (so an error about it names it, as one for a single resource does), the ids when
        /// there are several, or null for a listing of everything.
        /// </summary>
        public static object? Of(IReadOnlyCollection<string>? ids)
        {
            if (ids == null || ids.Count == 0)
            {
                return null;
            }

            return ids.Count == 1 ? ids.First() : (object)ids.ToArray();
        }
    }
}
