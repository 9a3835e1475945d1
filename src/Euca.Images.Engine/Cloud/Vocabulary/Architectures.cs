using System;
using System.Collections.Generic;
using System.Linq;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Cloud.Vocabulary
{
    /// <summary>The steps of an image's life that each accept their own set of architectures.</summary>
    public enum ArchitectureUse
    {
        /// <summary>Writing a bundle: every architecture euca-bundle-image's --arch offers.</summary>
        Bundling,

        /// <summary>RegisterImage: the architectures euca-register offers and Eucalyptus registers.</summary>
        Registration,

        /// <summary>ImportInstance's launch specification: the two the Eucalyptus import service converts.</summary>
        Import,
    }

    /// <summary>
    /// The one list of CPU architectures and what each step accepts, used by the engine's checks and by the cmdlets'
    /// validation and tab completion. Names are compared exactly: the cloud and the manifest use them in lower case.
    /// </summary>
    public static class Architectures
    {
        private static readonly string[] Bundling = { "i386", "x86_64", "armhf", "ppc", "ppc64", "ppc64le" };
        private static readonly string[] Registration = { "i386", "x86_64", "armhf" };
        private static readonly string[] Import = { "i386", "x86_64" };

        /// <summary>The architectures <paramref name="use"/> accepts, in the order the tools list them.</summary>
        public static IReadOnlyList<string> For(ArchitectureUse use) => use switch
        {
            ArchitectureUse.Bundling => Bundling,
            ArchitectureUse.Registration => Registration,
            ArchitectureUse.Import => Import,
            _ => throw new ArgumentOutOfRangeException(nameof(use), use, null),
        };

        public static bool Accepts(ArchitectureUse use, string? architecture) =>
            architecture != null && For(use).Contains(architecture, StringComparer.Ordinal);

        /// <summary>Throws <c>ArchitectureInvalid</c> naming the value and what <paramref name="use"/> accepts.</summary>
        public static void Check(ArchitectureUse use, string? architecture)
        {
            if (!Accepts(use, architecture))
            {
                throw new EucaException(
                    ErrorIds.ArchitectureInvalid,
                    EucaErrorCategory.InvalidArgument,
                    $"The architecture '{architecture}' is not one that {Describe(use)} accepts: use {string.Join(", ", For(use))}.",
                    architecture);
            }
        }

        private static string Describe(ArchitectureUse use) => use switch
        {
            ArchitectureUse.Bundling => "bundling",
            ArchitectureUse.Registration => "the cloud's image registration",
            _ => "the cloud's disk import",
        };
    }
}
