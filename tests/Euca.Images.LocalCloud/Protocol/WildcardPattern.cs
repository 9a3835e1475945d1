using System.Text;
using System.Text.RegularExpressions;

namespace Euca.Images.LocalCloud.Protocol;

/// <summary>An EC2 filter value: `*` matches any run of characters, `?` exactly one, and a backslash makes
/// the next character literal. Matching is case-sensitive, as in EC2 and Eucalyptus.</summary>
public sealed class WildcardPattern
{
    private readonly Regex regex;

    public WildcardPattern(string pattern)
    {
        var builder = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (c == '*')
            {
                builder.Append(".*");
            }
            else if (c == '?')
            {
                builder.Append('.');
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        regex = new Regex(builder.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    public bool IsMatch(string value) => regex.IsMatch(value);
}
