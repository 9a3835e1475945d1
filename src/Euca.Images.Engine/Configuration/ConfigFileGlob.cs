using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// Expands the euca2ools.ini search patterns (<c>conf.d/*.ini</c>): wildcards are allowed in the file-name
    /// part; each pattern's matches are sorted ordinally, as euca2ools sorts its globs.
    /// </summary>
    internal static class ConfigFileGlob
    {
        public static IEnumerable<string> Expand(string pattern)
        {
            var directory = Path.GetDirectoryName(pattern);
            var namePattern = Path.GetFileName(pattern);
            if (string.IsNullOrEmpty(directory) || !Directory.Exists(directory))
            {
                return Enumerable.Empty<string>();
            }

            if (namePattern.IndexOfAny(new[] { '*', '?' }) < 0)
            {
                return File.Exists(pattern) ? new[] { pattern } : Enumerable.Empty<string>();
            }

            var regex = new Regex("^" + Regex.Escape(namePattern).Replace("\\*", ".*").Replace("\\?", ".") + "$");
            return Directory.EnumerateFiles(directory)
                .Where(f => regex.IsMatch(Path.GetFileName(f)) && !Path.GetFileName(f).StartsWith(".", StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal);
        }
    }
}
