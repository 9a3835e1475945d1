using System;
using System.Globalization;
using System.Linq;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// The eustore catalog (<c>version: eustore-catalog-2011-12-29</c>, euca2ools 2.x-3.0, eucalyptus.md §1.7a). Each
    /// entry's name is the CRC-32 of the tarball's hex MD5, which eustore-install-image also used as the download's
    /// checksum. The tarballs carry their kernels, so an entry is paravirtual unless the later
    /// <c>virtualization_type</c> says otherwise.
    /// </summary>
    internal static class EustoreCatalogReader
    {
        public const string Version = "eustore-catalog-2011-12-29";

        public static CatalogImage Read(CatalogEntry entry)
        {
            string name = entry.Required("name");
            entry.NameIt(name);
            if (name.Length != 10 || !name.All(c => c >= '0' && c <= '9'))
            {
                throw CatalogEntry.Invalid(entry.Label, "has a 'name' that is not eustore's ten-digit checksum");
            }

            return new CatalogImage(name, entry.RequiredUrl("url"), CatalogGeneration.Eustore, entry.Source.Name)
            {
                Description = entry.Optional("description"),
                Version = entry.Optional("version"),
                Architecture = entry.Optional("architecture"),
                OperatingSystem = entry.Optional("os"),
                SingleKernel = entry.OptionalBoolean("single-kernel"),
                Hypervisors = entry.OptionalList("hypervisors-supported"),
                Created = ParseDate(entry),
                VirtualizationType = entry.Optional("virtualization_type") ?? CatalogVirtualizationTypes.Paravirtual,
                Format = "tarball",
                Checksum = new CatalogChecksum(CatalogChecksumAlgorithm.EustoreCrc32OfMd5, name),
                Details = entry.OptionalDetails("recipe", "stamp", "contact"),
            };
        }

        /// <summary>eustore's <c>date</c> is <c>YYYYMMDDhhmmss</c> in UTC.</summary>
        private static DateTimeOffset? ParseDate(CatalogEntry entry)
        {
            string? text = entry.Optional("date");
            if (text == null)
            {
                return null;
            }

            return DateTimeOffset.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date)
                ? date
                : throw CatalogEntry.Invalid(entry.Label, $"has a 'date' ('{text}') that is not YYYYMMDDhhmmss");
        }
    }
}
