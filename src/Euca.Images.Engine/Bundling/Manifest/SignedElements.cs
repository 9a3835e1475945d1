using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// Finds the signed text of a manifest: the exact characters of the <c>&lt;machine_configuration&gt;</c> and
    /// <c>&lt;image&gt;</c> elements that are direct children of <c>&lt;manifest&gt;</c>, the very elements the reader
    /// then maps. Cutting the first matching text out of the file instead (as ec2-ami-tools' xmlutil.rb and
    /// Eucalyptus do) lets an attacker hide the genuinely signed text inside another element and put a different
    /// <c>&lt;image&gt;</c> after it (signature wrapping), so a signed element anywhere else, or twice, is refused.
    /// The same pass bounds the nesting depth, which keeps the later tree building linear.
    /// </summary>
    internal sealed class SignedElements
    {
        /// <summary>Real manifests nest five deep (manifest/image/parts/part/digest); anything far deeper is hostile.</summary>
        public const int MaxDepth = 16;

        private static readonly string[] Signed = { "machine_configuration", "image" };
        private static readonly string[] Singular = { "machine_configuration", "image", "signature" };

        private readonly string _text;
        private readonly string _sourceName;
        private readonly int[] _lineStarts;
        private readonly Dictionary<string, int> _starts = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _ends = new Dictionary<string, int>(StringComparer.Ordinal);

        private SignedElements(string text, string sourceName)
        {
            _text = text;
            _sourceName = sourceName;
            _lineStarts = LineStarts(text);
        }

        /// <summary>The signed bytes (empty parts for a missing element, as ec2-ami-tools does).</summary>
        public static byte[] Extract(string text, XmlReaderSettings settings, string sourceName)
        {
            var scan = new SignedElements(text, sourceName);
            scan.Scan(settings);
            var signed = new StringBuilder();
            foreach (string name in Signed)
            {
                if (scan._starts.TryGetValue(name, out int start))
                {
                    signed.Append(text, start, scan._ends[name] - start);
                }
            }
            return Encoding.UTF8.GetBytes(signed.ToString());
        }

        private void Scan(XmlReaderSettings settings)
        {
            using (XmlReader reader = XmlReader.Create(new StringReader(_text), settings))
            {
                var info = (IXmlLineInfo)reader;
                while (reader.Read())
                {
                    if (reader.Depth > MaxDepth)
                    {
                        throw Structure($"its elements are nested deeper than {MaxDepth} levels; a bundle manifest has five", null);
                    }
                    if (reader.NodeType == XmlNodeType.Element && Array.IndexOf(Singular, reader.LocalName) >= 0)
                    {
                        StartSingular(reader, info);
                    }
                    else if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == 1 && _starts.ContainsKey(reader.LocalName)
                             && !_ends.ContainsKey(reader.LocalName))
                    {
                        // LinePosition points at the name, after "</".
                        _ends[reader.LocalName] = TagEnd(Offset(info) - 2);
                    }
                }
            }
        }

        private void StartSingular(XmlReader reader, IXmlLineInfo info)
        {
            string name = reader.LocalName;
            if (reader.Depth != 1)
            {
                throw Structure($"the element <{name}> appears inside another element than <manifest>", name);
            }
            if (_starts.ContainsKey(name))
            {
                throw Structure($"the element <{name}> appears more than once", name);
            }
            // LinePosition points at the name, after "<".
            int start = Offset(info) - 1;
            _starts[name] = start;
            if (reader.IsEmptyElement)
            {
                _ends[name] = TagEnd(start);
            }
        }

        private int Offset(IXmlLineInfo info) => _lineStarts[info.LineNumber - 1] + info.LinePosition - 1;

        /// <summary>The offset just after the '>' that closes the tag starting at <paramref name="tagStart"/>.</summary>
        private int TagEnd(int tagStart)
        {
            // A '>' may stand unescaped inside a quoted attribute value, so quoted text is skipped.
            char quote = '\0';
            for (int i = tagStart; i < _text.Length; i++)
            {
                char c = _text[i];
                if (quote != '\0')
                {
                    if (c == quote) quote = '\0';
                }
                else if (c == '"' || c == '\'')
                {
                    quote = c;
                }
                else if (c == '>')
                {
                    return i + 1;
                }
            }
            throw Structure("a tag is not closed", null);
        }

        /// <summary>Line starts as XmlReader counts lines: after "\r\n", a lone "\r" or "\n".</summary>
        private static int[] LineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                if (text[i] == '\n' || text[i] == '\r') starts.Add(i + 1);
            }
            return starts.ToArray();
        }

        private EucaException Structure(string problem, string? element) =>
            new EucaException(ErrorIds.ManifestStructureInvalid, EucaErrorCategory.SecurityError,
                $"The manifest '{_sourceName}' is refused: {problem}. Signed manifests have exactly one <machine_configuration>, one <image> and one <signature>, directly inside <manifest>.",
                element ?? _sourceName);
    }
}
