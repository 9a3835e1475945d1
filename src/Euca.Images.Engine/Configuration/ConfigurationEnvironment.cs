using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// Everything configuration resolution reads from the machine besides the files it is pointed at:
    /// environment variables, the home directory, the root under which <c>/etc</c> lives, the current directory
    /// (for relative paths given as parameters or variables) and the temporary directory (for extracted
    /// credentials). Tests build one from a dictionary so they never touch the real machine.
    /// </summary>
    public sealed class ConfigurationEnvironment
    {
        private readonly IReadOnlyDictionary<string, string> _variables;

        public ConfigurationEnvironment(
            IReadOnlyDictionary<string, string> variables,
            string homeDirectory,
            string etcDirectory,
            string currentDirectory,
            string tempDirectory)
        {
            _variables = variables ?? throw new ArgumentNullException(nameof(variables));
            HomeDirectory = homeDirectory ?? throw new ArgumentNullException(nameof(homeDirectory));
            EtcDirectory = etcDirectory ?? throw new ArgumentNullException(nameof(etcDirectory));
            CurrentDirectory = currentDirectory ?? throw new ArgumentNullException(nameof(currentDirectory));
            TempDirectory = tempDirectory ?? throw new ArgumentNullException(nameof(tempDirectory));
        }

        /// <summary>The real process environment, the user's home, <c>/etc</c> and the user's temp directory.</summary>
        public static ConfigurationEnvironment FromSystem()
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
            {
                variables[(string)entry.Key] = entry.Value as string ?? string.Empty;
            }

            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            var etc = Path.DirectorySeparatorChar == '/' ? "/etc" : Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData);
            return new ConfigurationEnvironment(variables, home, etc, Directory.GetCurrentDirectory(), Path.GetTempPath());
        }

        public string HomeDirectory { get; }

        /// <summary>The directory that plays the role of <c>/etc</c> (holds <c>euca2ools/euca2ools.ini</c>).</summary>
        public string EtcDirectory { get; }

        public string CurrentDirectory { get; }

        public string TempDirectory { get; }

        /// <summary>The variable's value, or null when it is unset or empty (empty counts as unset, as in euca2ools).</summary>
        public string? Get(string name) =>
            _variables.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;
    }
}
