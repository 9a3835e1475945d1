using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// Reads the variable assignments of a eucarc shell file without executing anything:
    /// <c>[export] NAME=value</c> lines with single quotes (literal), double quotes or bare words
    /// (<c>$NAME</c>/<c>${NAME}</c> expanded from earlier assignments, then the environment), and comments.
    /// Other shell lines (aliases, conditionals) are ignored. EUCA_KEY_DIR starts as the eucarc's own directory;
    /// the idiom real eucarcs use to compute it, <c>$(cd $(dirname ${BASH_SOURCE:-$0}); pwd -P)</c>, is
    /// recognised as meaning exactly that, and any other command substitution leaves its variable unset.
    /// </summary>
    internal static class EucarcParser
    {
        public const string KeyDirVariable = "EUCA_KEY_DIR";

        private static readonly Regex Assignment = new Regex(@"^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");

        public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> lines, string eucarcDirectory, Func<string, string?> environment)
        {
            var variables = new Dictionary<string, string>(StringComparer.Ordinal) { [KeyDirVariable] = eucarcDirectory };
            foreach (var raw in lines)
            {
                var line = raw.Trim();
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var match = Assignment.Match(line);
                if (!match.Success)
                {
                    continue;
                }

                var name = match.Groups[1].Value;
                var rawValue = match.Groups[2].Value;
                if (rawValue.Contains("$(") || rawValue.Contains("`"))
                {
                    if (name == KeyDirVariable && rawValue.Contains("dirname"))
                    {
                        variables[name] = eucarcDirectory;
                    }

                    continue;
                }

                var value = ParseWord(rawValue, n => variables.TryGetValue(n, out var v) ? v : environment(n));
                if (value != null)
                {
                    variables[name] = value;
                }
            }

            return variables;
        }

        /// <summary>The shell word's value, or null when it is not a single well-formed word.</summary>
        private static string? ParseWord(string text, Func<string, string?> lookup)
        {
            var result = new StringBuilder();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    // The word ends; only a comment may follow (e.g. "X=1 # note").
                    var rest = text.Substring(i).TrimStart();
                    return rest.Length == 0 || rest[0] == '#' ? result.ToString() : null;
                }

                if (c == '\'')
                {
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        return null;
                    }

                    result.Append(text, i + 1, close - i - 1);
                    i = close + 1;
                }
                else if (c == '"')
                {
                    var close = i + 1;
                    var inner = new StringBuilder();
                    while (close < text.Length && text[close] != '"')
                    {
                        if (text[close] == '\\' && close + 1 < text.Length && "\"\\$`".IndexOf(text[close + 1]) >= 0)
                        {
                            close++;
                        }

                        inner.Append(text[close]);
                        close++;
                    }

                    if (close >= text.Length)
                    {
                        return null;
                    }

                    result.Append(PathExpander.ExpandVariables(inner.ToString(), lookup));
                    i = close + 1;
                }
                else
                {
                    var end = i;
                    while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] != '\'' && text[end] != '"')
                    {
                        end++;
                    }

                    result.Append(PathExpander.ExpandVariables(text.Substring(i, end - i), lookup));
                    i = end;
                }
            }

            return result.ToString();
        }
    }
}
