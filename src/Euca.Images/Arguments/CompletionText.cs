using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace Euca.Images.Arguments
{
    /// <summary>The completions of a word: the names that start with it (ignoring case), quoted as the line needs.</summary>
    internal static class CompletionText
    {
        /// <param name="choices">Each name with the tooltip that says what it is.</param>
        /// <param name="wordToComplete">What the user typed so far, perhaps with an opening quote.</param>
        public static List<CompletionResult> Matching(IEnumerable<KeyValuePair<string, string>> choices, string wordToComplete)
        {
            char quote = wordToComplete.Length > 0 && (wordToComplete[0] == '\'' || wordToComplete[0] == '"') ? wordToComplete[0] : '\0';
            var pattern = new WildcardPattern(WildcardPattern.Escape(wordToComplete.Trim('\'', '"')) + "*", WildcardOptions.IgnoreCase);
            return choices
                .Where(choice => pattern.IsMatch(choice.Key))
                .Select(choice => new CompletionResult(Quote(choice.Key, quote), choice.Key, CompletionResultType.ParameterValue, choice.Value))
                .ToList();
        }

        // Most names never need quotes, but keep the user's opening quote and quote anything unusual.
        private static string Quote(string value, char quote)
        {
            if (quote != '\0')
            {
                return quote + value + quote;
            }

            return value.Any(c => char.IsWhiteSpace(c) || "'\"`$&(){}[];,|<>@#".IndexOf(c) >= 0) ? "'" + value.Replace("'", "''") + "'" : value;
        }
    }
}
