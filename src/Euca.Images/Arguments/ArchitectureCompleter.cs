using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Euca.Images.Engine.Cloud.Vocabulary;

namespace Euca.Images.Arguments
{
    /// <summary>
    /// Completes -Architecture from the engine's list for one step. PowerShell 5.1 creates completers from a type
    /// alone, so each step has its own small subclass (and no field may be of an engine type: see
    /// <see cref="ValidateArchitectureAttribute"/>).
    /// </summary>
    public abstract class ArchitectureCompleter : IArgumentCompleter
    {
        /// <summary>The architectures to offer.</summary>
        protected abstract IReadOnlyList<string> Accepted { get; }

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var pattern = new WildcardPattern((wordToComplete ?? string.Empty).Trim('\'', '"') + "*", WildcardOptions.IgnoreCase);
            return Accepted
                .Where(pattern.IsMatch)
                .Select(name => new CompletionResult(name, name, CompletionResultType.ParameterValue, name))
                .ToList();
        }
    }

    /// <summary>Completes the architectures a bundle may declare.</summary>
    public sealed class BundlingArchitectureCompleter : ArchitectureCompleter
    {
        /// <inheritdoc />
        protected override IReadOnlyList<string> Accepted => Architectures.For(ArchitectureUse.Bundling);
    }

    /// <summary>Completes the architectures the cloud registers.</summary>
    public sealed class RegistrationArchitectureCompleter : ArchitectureCompleter
    {
        /// <inheritdoc />
        protected override IReadOnlyList<string> Accepted => Architectures.For(ArchitectureUse.Registration);
    }

    /// <summary>Completes the architectures the cloud's disk import accepts.</summary>
    public sealed class ImportArchitectureCompleter : ArchitectureCompleter
    {
        /// <inheritdoc />
        protected override IReadOnlyList<string> Accepted => Architectures.For(ArchitectureUse.Import);
    }
}
