using System.Globalization;
using System.Text;

namespace Euca.Images.Engine.Instances
{
    /// <summary>
    /// JSON string literals exactly as Python's json.dumps writes them by default (ensure_ascii): quotes, backslash
    /// and \b \f \n \r \t escaped by name, every other character outside space..~ (DEL included) as lower-case \uXXXX.
    /// The upload policy is signed byte for byte, so its text must match what euca2ools would send.
    /// </summary>
    internal static class PythonJsonText
    {
        public static string Quote(string value)
        {
            var builder = new StringBuilder(value.Length + 2).Append('"');
            foreach (char c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\b': builder.Append("\\b"); break;
                    case '\f': builder.Append("\\f"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    default:
                        if (c < 0x20 || c > 0x7e)
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }
    }
}
