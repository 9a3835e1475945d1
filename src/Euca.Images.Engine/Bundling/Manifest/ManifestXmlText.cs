using System.Globalization;
using System.Text;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>
    /// Text escaping as lxml does it for <c>encoding='ASCII'</c>: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> as entities,
    /// every non-ASCII character as a decimal character reference. Characters XML 1.0 cannot carry are refused.
    /// </summary>
    internal static class ManifestXmlText
    {
        public static void AppendEscaped(StringBuilder output, string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                switch (c)
                {
                    case '&': output.Append("&amp;"); break;
                    case '<': output.Append("&lt;"); break;
                    case '>': output.Append("&gt;"); break;
                    default:
                        if (c >= ' ' && c < '\u007f' || c == '\t' || c == '\n')
                        {
                            output.Append(c);
                        }
                        else if (c == '\r' || c == '\u007f')
                        {
                            // A bare CR would be normalised away by any XML parser, changing the signed text.
                            AppendReference(output, c);
                        }
                        else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                        {
                            AppendReference(output, char.ConvertToUtf32(c, text[i + 1]));
                            i++;
                        }
                        else if (c > '\u007f' && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF')
                        {
                            AppendReference(output, c);
                        }
                        else
                        {
                            throw new EucaException(ErrorIds.ManifestValueInvalid, EucaErrorCategory.InvalidArgument,
                                $"The manifest value '{text}' contains a character XML cannot represent (U+{(int)c:X4}).", text);
                        }
                        break;
                }
            }
        }

        private static void AppendReference(StringBuilder output, int codePoint) =>
            output.Append("&#").Append(codePoint.ToString(CultureInfo.InvariantCulture)).Append(';');
    }
}
