using System;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>The digest a catalog gives for an entry's download; installing refuses a file that does not match.</summary>
    public sealed class CatalogChecksum
    {
        public CatalogChecksum(CatalogChecksumAlgorithm algorithm, string value)
        {
            Algorithm = algorithm;
            Value = value ?? throw new ArgumentNullException(nameof(value));
        }

        public CatalogChecksumAlgorithm Algorithm { get; }

        public string Value { get; }

        public override string ToString() => $"{Algorithm}:{Value}";
    }
}
