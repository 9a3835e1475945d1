using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using Euca.Images.Engine.Configuration;

namespace Euca.Images.Arguments
{
    /// <summary>
    /// Completes -Region with each USER@REGION of the euca2ools configuration (/etc/euca2ools, ~/.euca,
    /// EUCA_CONFIG_PATH), the region's compute URL as the tooltip. Reads local files only; says nothing on any error.
    /// </summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                return CompletionText.Matching(ConfigurationChoices.Regions(ConfigurationEnvironment.FromSystem()), wordToComplete ?? string.Empty);
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }
    }

    /// <summary>
    /// Completes -ProfileName with the profiles <see cref="ConfigurationChoices.ProfileNames"/> lists (stored profiles,
    /// and the AWS credentials and config files, in -ProfileLocation if given). Says nothing on any error.
    /// </summary>
    public sealed class ProfileNameCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                object? bound = fakeBoundParameters?["ProfileLocation"];
                string? location = (bound is PSObject wrapped ? wrapped.BaseObject : bound) as string;
                IEnumerable<KeyValuePair<string, string>> profiles = ConfigurationChoices.ProfileNames(ConfigurationEnvironment.FromSystem(), location)
                    .Select(name => new KeyValuePair<string, string>(name, $"profile {name}"));
                return CompletionText.Matching(profiles, wordToComplete ?? string.Empty);
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }
    }
}
