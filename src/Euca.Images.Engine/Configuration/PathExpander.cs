using System;
using System.IO;
using System.Text;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// Expands <c>~</c>, <c>$VAR</c> and <c>${VAR}</c> in a path (as euca2ools does with expanduser/expandvars)
    /// and makes it absolute relative to the directory of the file it came from.
    /// </summary>
    internal static class PathExpander
    {
        public static string Expand(string path, string baseDirectory, ConfigurationEnvironment environment, Func<string, string?>? lookup = null)
        {
            var expanded = ExpandVariables(path.Trim(), name => lookup?.Invoke(name) ?? environment.Get(name));
            if (expanded == "~")
            {
                expanded = environment.HomeDirectory;
            }
            else if (expanded.StartsWith("~/", StringComparison.Ordinal) || expanded.StartsWith("~\\", StringComparison.Ordinal))
            {
                expanded = Path.Combine(environment.HomeDirectory, expanded.Substring(2));
            }

            try
            {
                return Path.GetFullPath(Path.Combine(baseDirectory, expanded));
            }
            catch (Exception e) when (e is ArgumentException || e is NotSupportedException || e is PathTooLongException)
            {
                // Control characters, or a form the platform's paths cannot take; the path comes from a file or variable.
                throw new Errors.EucaException(Errors.ErrorIds.CloudConfigurationInvalid, Errors.EucaErrorCategory.InvalidData,
                    $"The configured path '{Printable(path)}' is not a valid file path: {e.Message}", Printable(path), e);
            }
        }

        private static string Printable(string text)
        {
            var printable = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                printable.Append(char.IsControl(c) ? '?' : c);
            }

            return printable.ToString();
        }

        /// <summary>
        /// Replaces <c>$NAME</c> and <c>${NAME}</c>; an unknown variable is left as written (Python's expandvars
        /// behaves the same way), so a literal dollar sign survives.
        /// </summary>
        public static string ExpandVariables(string text, Func<string, string?> lookup)
        {
            if (text.IndexOf('$') < 0)
            {
                return text;
            }

            var result = new StringBuilder(text.Length);
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c != '$' || i + 1 >= text.Length)
                {
                    result.Append(c);
                    i++;
                    continue;
                }

                int nameStart, nameEnd, next;
                if (text[i + 1] == '{')
                {
                    var close = text.IndexOf('}', i + 2);
                    if (close < 0)
                    {
                        result.Append(c);
                        i++;
                        continue;
                    }

                    nameStart = i + 2;
                    nameEnd = close;
                    next = close + 1;
                }
                else
                {
                    nameStart = i + 1;
                    nameEnd = nameStart;
                    while (nameEnd < text.Length && (char.IsLetterOrDigit(text[nameEnd]) || text[nameEnd] == '_'))
                    {
                        nameEnd++;
                    }

                    next = nameEnd;
                }

                var name = text.Substring(nameStart, nameEnd - nameStart);
                var value = name.Length == 0 ? null : lookup(name);
                result.Append(value ?? text.Substring(i, next - i));
                i = next;
            }

            return result.ToString();
        }
    }
}
