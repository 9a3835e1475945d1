using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace Euca.Images.Arguments
{
    /// <summary>
    /// Offers nothing, for parameters whose values nobody can list (names, descriptions, keys, URLs): without it
    /// PowerShell offers the current folder's file names, which are never right there. An empty answer from a
    /// completer stops that fallback.
    /// </summary>
    public sealed class FreeTextCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Array.Empty<CompletionResult>();
    }
}
