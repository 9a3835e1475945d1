using System;
using System.Globalization;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// The 4.x FastStart <c>catalog-web</c> list (install-emis, eucalyptus.md §1.7b): install-emis named each image
    /// <c>os-created-date</c> and installed every one as an x86_64 HVM image, so those are this reader's facts too.
    /// </summary>
    internal static class CatalogWebReader
    {
        public static CatalogImage Read(CatalogEntry entry)
        {
            string os = entry.Required("os");
            string created = entry.Required("created-date");
            string name = $"{os}-{created}";
            entry.NameIt(name);
            return new CatalogImage(name, entry.RequiredUrl("url"), CatalogGeneration.CatalogWeb, entry.Source.Name)
            {
                OperatingSystem = os,
                Version = entry.Optional("version"),
                Description = entry.Optional("description"),
                // install-emis converted qcow2 and took anything else as raw.
                Format = entry.Optional("image-format") ?? "raw",
                Architecture = "x86_64",
                VirtualizationType = CatalogVirtualizationTypes.Hvm,
                Created = DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset date) ? date : (DateTimeOffset?)null,
            };
        }
    }
}
