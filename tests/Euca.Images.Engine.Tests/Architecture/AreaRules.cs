using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Architecture
{
    /// <summary>
    /// The engine's areas and what each may use, read from src/Euca.Images.Engine/README.md: a heading
    /// <c>## Area</c> per area and, under it, one line <c>May use: A, B.</c> (or <c>May use: nothing.</c>). The
    /// README is the rule; this class only reads it, so the document and the test cannot drift apart.
    /// </summary>
    internal sealed class AreaRules
    {
        private static readonly Regex Heading = new Regex(@"^## ([A-Z][\w.]*)\s*$");
        private static readonly Regex MayUseLine = new Regex(@"^May use: (.+?)\.?\s*$");

        public AreaRules(IReadOnlyDictionary<string, IReadOnlyCollection<string>> allowed)
        {
            Allowed = allowed;
        }

        /// <summary>Each area and the areas it may use (besides itself).</summary>
        public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Allowed { get; }

        public static AreaRules ReadEngineReadme() => Parse(File.ReadAllLines(RepositoryFiles.Path("src", "Euca.Images.Engine", "README.md")));

        public static AreaRules Parse(IEnumerable<string> lines)
        {
            var allowed = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
            string? area = null;
            foreach (string line in lines)
            {
                Match heading = Heading.Match(line);
                if (heading.Success)
                {
                    area = heading.Groups[1].Value;
                    continue;
                }

                Match mayUse = MayUseLine.Match(line);
                if (mayUse.Success && area != null)
                {
                    string list = mayUse.Groups[1].Value.Trim();
                    allowed[area] = list == "nothing"
                        ? Array.Empty<string>()
                        : list.Split(',').Select(a => a.Trim()).ToArray();
                    area = null;
                }
            }

            return new AreaRules(allowed);
        }

        /// <summary>
        /// The area a namespace under <paramref name="root"/> belongs to: the longest area name that is the
        /// namespace or a prefix of it (Cloud.Vocabulary before Cloud); null when none is.
        /// </summary>
        public string? AreaOf(string @namespace, string root)
        {
            if (!@namespace.StartsWith(root + ".", StringComparison.Ordinal))
            {
                return null;
            }

            string relative = @namespace.Substring(root.Length + 1);
            return Allowed.Keys
                .Where(a => relative == a || relative.StartsWith(a + ".", StringComparison.Ordinal))
                .OrderByDescending(a => a.Length)
                .FirstOrDefault();
        }

        public bool MayUse(string from, string to) => from == to || Allowed[from].Contains(to);

        /// <summary>A cycle in the allowed uses, as the areas along it, or null when there is none.</summary>
        public IReadOnlyList<string>? FindCycle()
        {
            var state = Allowed.Keys.ToDictionary(a => a, _ => 0, StringComparer.Ordinal);
            var path = new List<string>();
            foreach (string area in Allowed.Keys)
            {
                IReadOnlyList<string>? cycle = Visit(area, state, path);
                if (cycle != null) return cycle;
            }

            return null;
        }

        private IReadOnlyList<string>? Visit(string area, Dictionary<string, int> state, List<string> path)
        {
            if (state[area] == 2) return null;
            if (state[area] == 1) return path.Skip(path.IndexOf(area)).Concat(new[] { area }).ToList();
            state[area] = 1;
            path.Add(area);
            foreach (string used in Allowed[area].Where(Allowed.ContainsKey))
            {
                IReadOnlyList<string>? cycle = Visit(used, state, path);
                if (cycle != null) return cycle;
            }

            path.RemoveAt(path.Count - 1);
            state[area] = 2;
            return null;
        }
    }
}
