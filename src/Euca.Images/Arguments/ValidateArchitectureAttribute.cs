using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Euca.Images.Engine.Cloud.Vocabulary;

namespace Euca.Images.Arguments
{
    /// <summary>
    /// Validates -Architecture against the engine's one list for a step (bundling, registration or import), so the
    /// cmdlets never keep a list of their own. Names are exact, as the cloud and the manifest compare them.
    /// Holds the list, not the engine's enum: PowerShell lays out every type of this assembly before the engine can
    /// be loaded, so no field here may be of an engine type.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateArchitectureAttribute : ValidateArgumentsAttribute
    {
        /// <summary>Accepts what <paramref name="use"/> accepts.</summary>
        public ValidateArchitectureAttribute(ArchitectureUse use)
        {
            Accepted = Architectures.For(use);
        }

        /// <summary>The architectures accepted, in the order the tools list them.</summary>
        public IReadOnlyList<string> Accepted { get; }

        /// <inheritdoc />
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            object value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (!(value is string name) || !Accepted.Contains(name, StringComparer.Ordinal))
            {
                throw new ValidationMetadataException(
                    $"The architecture '{value}' is not accepted here: use {string.Join(", ", Accepted.ToArray())}.");
            }
        }
    }
}
