using System;
using System.Collections.Generic;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>What reading a catalog found: its entries in catalog order, and one error per entry that could not be read.</summary>
    public sealed class CatalogListing
    {
        public CatalogListing(string catalog, CatalogGeneration generation, IReadOnlyList<CatalogImage> images, IReadOnlyList<EucaException> errors)
        {
            Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
            Generation = generation;
            Images = images ?? throw new ArgumentNullException(nameof(images));
            Errors = errors ?? throw new ArgumentNullException(nameof(errors));
        }

        /// <summary>The catalog as messages name it: its URL without user information, or its file's path.</summary>
        public string Catalog { get; }

        public CatalogGeneration Generation { get; }

        public IReadOnlyList<CatalogImage> Images { get; }

        /// <summary><c>CatalogEntryInvalid</c> and <c>CatalogUrlMetaUnresolved</c>, each naming its entry.</summary>
        public IReadOnlyList<EucaException> Errors { get; }
    }
}
