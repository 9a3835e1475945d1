using System;
using System.Collections.Generic;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>What reading a catalog found: its entries in catalog order, and one error per entry that could not be read.</summary>
    public sealed class CatalogListing
    {
        public CatalogListing(CatalogGeneration generation, IReadOnlyList<CatalogImage> images, IReadOnlyList<EucaException> errors)
        {
            Generation = generation;
            Images = images ?? throw new ArgumentNullException(nameof(images));
            Errors = errors ?? throw new ArgumentNullException(nameof(errors));
        }

        public CatalogGeneration Generation { get; }

        public IReadOnlyList<CatalogImage> Images { get; }

        /// <summary><c>CatalogEntryInvalid</c> and <c>CatalogUrlMetaUnresolved</c>, each naming its entry.</summary>
        public IReadOnlyList<EucaException> Errors { get; }
    }
}
