using System;
using System.Collections.Generic;
using System.IO;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// An INI file read the way Python's ConfigParser (used by euca2ools and botocore) reads it: <c>[section]</c>
    /// headers, <c>name = value</c> or <c>name: value</c>, option names lower-cased, full-line comments with
    /// <c>#</c> or <c>;</c>, inline comments only after whitespace, and indented continuation lines appended
    /// with a newline (botocore's nested <c>ec2 =\n  endpoint_url = ...</c> sub-sections rely on that).
    /// <c>%(name)s</c> interpolation is not performed: no euca2ools or AWS setting uses it.
    /// Reading several files into one document merges sections option by option, later files winning.
    /// </summary>
    internal sealed class IniDocument
    {
        private readonly Dictionary<string, Dictionary<string, IniValue>> _sections =
            new Dictionary<string, Dictionary<string, IniValue>>(StringComparer.Ordinal);

        private readonly List<string> _sectionOrder = new List<string>();

        public IReadOnlyList<string> SectionNames => _sectionOrder;

        public static IniDocument Load(IEnumerable<string> files)
        {
            var document = new IniDocument();
            foreach (var file in files)
            {
                document.Read(file, ConfigurationFile.ReadLines(file));
            }

            return document;
        }

        public IReadOnlyDictionary<string, IniValue>? Section(string name) =>
            _sections.TryGetValue(name, out var section) ? section : null;

        public void Read(string file, IEnumerable<string> lines)
        {
            Dictionary<string, IniValue>? current = null;
            string? lastOption = null;
            var lineNumber = 0;
            foreach (var raw in lines)
            {
                lineNumber++;
                var line = raw.TrimEnd();
                var trimmed = line.TrimStart();
                if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == ';')
                {
                    continue;
                }

                if (line.Length > 0 && char.IsWhiteSpace(line[0]) && current != null && lastOption != null)
                {
                    var previous = current[lastOption];
                    current[lastOption] = new IniValue(previous.Value + "\n" + StripInlineComment(trimmed), file);
                    continue;
                }

                if (trimmed[0] == '[')
                {
                    var close = trimmed.IndexOf(']');
                    if (close < 0)
                    {
                        throw ConfigurationErrors.Invalid(file, lineNumber, "a section header has no closing ']'");
                    }

                    var name = trimmed.Substring(1, close - 1).Trim();
                    if (!_sections.TryGetValue(name, out current))
                    {
                        current = new Dictionary<string, IniValue>(StringComparer.Ordinal);
                        _sections[name] = current;
                        _sectionOrder.Add(name);
                    }

                    lastOption = null;
                    continue;
                }

                var separator = IndexOfSeparator(trimmed);
                if (current == null || separator <= 0)
                {
                    throw ConfigurationErrors.Invalid(file, lineNumber, current == null ? "an option appears before any section header" : "a line is neither a section header nor 'name = value'");
                }

                lastOption = trimmed.Substring(0, separator).Trim().ToLowerInvariant();
                current[lastOption] = new IniValue(StripInlineComment(trimmed.Substring(separator + 1).Trim()), file);
            }
        }

        private static int IndexOfSeparator(string line)
        {
            var equals = line.IndexOf('=');
            var colon = line.IndexOf(':');
            if (equals < 0)
            {
                return colon;
            }

            return colon < 0 ? equals : Math.Min(equals, colon);
        }

        private static string StripInlineComment(string value)
        {
            for (var i = 1; i < value.Length; i++)
            {
                if ((value[i] == ';' || value[i] == '#') && char.IsWhiteSpace(value[i - 1]))
                {
                    return value.Substring(0, i).TrimEnd();
                }
            }

            return value;
        }
    }

    /// <summary>An option's value and the file that set it last.</summary>
    internal sealed class IniValue
    {
        public IniValue(string value, string file)
        {
            Value = value;
            File = file;
        }

        public string Value { get; }

        public string File { get; }
    }
}
