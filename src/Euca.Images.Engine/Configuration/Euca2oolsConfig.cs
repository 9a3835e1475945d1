using System;
using System.Collections.Generic;
using System.Linq;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// The merged euca2ools.ini data: <c>[global]</c>, <c>[region NAME]</c> and <c>[user NAME]</c> sections, looked up
    /// with requestbuilder's rules (requestbuilder/config.py, euca2ools.ini(5)):
    /// a name is split on ':' into group bits; candidate sections replace bits with '*' from the most specific
    /// (no wildcard) to the least, in itertools.product order; failing that, a unique longer section whose
    /// trailing bits equal the whole name is used ('us-east-1' finds 'aws:us-east-1'; two such are ambiguous);
    /// finally the bare '*' section is the default. A value 'use OTHER [OPTION]' continues the lookup in
    /// section OTHER of the same kind.
    /// </summary>
    internal sealed class Euca2oolsConfig
    {
        private readonly Dictionary<string, IReadOnlyDictionary<string, IniValue>> _regions;
        private readonly Dictionary<string, IReadOnlyDictionary<string, IniValue>> _users;
        private readonly IReadOnlyDictionary<string, IniValue> _globals;

        public Euca2oolsConfig(IReadOnlyList<string> files)
        {
            Files = files;
            var document = IniDocument.Load(files);
            _regions = new Dictionary<string, IReadOnlyDictionary<string, IniValue>>(StringComparer.Ordinal);
            _users = new Dictionary<string, IReadOnlyDictionary<string, IniValue>>(StringComparer.Ordinal);
            _globals = document.Section("global") ?? new Dictionary<string, IniValue>();
            foreach (var sectionName in document.SectionNames)
            {
                var words = sectionName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 2 || (words[0] != "region" && words[0] != "user"))
                {
                    continue; // requestbuilder ignores unknown sections for forward compatibility
                }

                var name = words[1];
                if (name.Split(':').Any(bit => bit.Length == 0) || name.Contains("@"))
                {
                    var file = document.Section(sectionName)!.Values.Select(v => v.File).FirstOrDefault() ?? files.LastOrDefault() ?? string.Empty;
                    throw ConfigurationErrors.Invalid(file, $"the section [{sectionName}] has an empty ':' group or an '@' in its name.");
                }

                (words[0] == "region" ? _regions : _users)[name] = document.Section(sectionName)!;
            }
        }

        /// <summary>The names of the [region NAME] sections.</summary>
        public IEnumerable<string> RegionNames => _regions.Keys;

        /// <summary>The names of the [user NAME] sections.</summary>
        public IEnumerable<string> UserNames => _users.Keys;

        /// <summary>The files read, in order (later ones win).</summary>
        public IReadOnlyList<string> Files { get; }

        public string? GlobalOption(string option) => _globals.TryGetValue(option, out var v) ? v.Value : null;

        public ConfigLookupResult? RegionOption(string region, string option) => Lookup(_regions, "region", region, option, new List<string>());

        public ConfigLookupResult? UserOption(string user, string option) => Lookup(_users, "user", user, option, new List<string>());

        /// <summary>The section a region name selects, ignoring the catch-all '*' section; null when none.</summary>
        public string? FindRegionSection(string region) => FindSection(_regions, "region", region);

        public string? FindUserSection(string user) => FindSection(_users, "user", user);

        private static string? FindSection(Dictionary<string, IReadOnlyDictionary<string, IniValue>> sections, string kind, string name)
        {
            foreach (var candidate in WildcardCandidates(name))
            {
                if (sections.ContainsKey(candidate))
                {
                    return candidate;
                }
            }

            return ClosestPrefixed(sections, kind, name);
        }

        private static ConfigLookupResult? Lookup(
            Dictionary<string, IReadOnlyDictionary<string, IniValue>> sections, string kind, string name, string option, List<string> seen)
        {
            foreach (var candidate in WildcardCandidates(name))
            {
                if (sections.TryGetValue(candidate, out var options) && options.TryGetValue(option, out var value))
                {
                    return Resolve(sections, kind, name, candidate, option, value, seen);
                }
            }

            var prefixed = ClosestPrefixed(sections, kind, name);
            if (prefixed != null)
            {
                if (seen.Contains(prefixed))
                {
                    throw LoopError(kind, name, sections[prefixed].Values.FirstOrDefault()?.File);
                }

                return Lookup(sections, kind, prefixed, option, new List<string>(seen) { name });
            }

            if (sections.TryGetValue("*", out var defaults) && defaults.TryGetValue(option, out var fallback))
            {
                return Resolve(sections, kind, name, "*", option, fallback, seen);
            }

            return null;
        }

        private static ConfigLookupResult? Resolve(
            Dictionary<string, IReadOnlyDictionary<string, IniValue>> sections, string kind, string name, string section, string option, IniValue value, List<string> seen)
        {
            if (!value.Value.StartsWith("use ", StringComparison.Ordinal))
            {
                return new ConfigLookupResult(value.Value, kind, section, value.File);
            }

            var words = value.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2)
            {
                throw ConfigurationErrors.Invalid(value.File, $"'{option}' in [{kind} {section}] says 'use' without a section name.");
            }

            if (seen.Contains(words[1]))
            {
                // requestbuilder logs the loop and returns the raw "use ..." text, which would then fail
                // obscurely as a URL or key; a clear error is kinder.
                throw LoopError(kind, name, value.File);
            }

            return Lookup(sections, kind, words[1], words.Length > 2 ? words[2] : option, new List<string>(seen) { name });
        }

        /// <summary>'a:b' yields 'a:b', 'a:*', '*:b', '*:*'; a single bit yields only itself ('*' comes last, separately).</summary>
        private static IEnumerable<string> WildcardCandidates(string name)
        {
            var bits = name.Split(':');
            var combinations = 1 << bits.Length;
            for (var mask = 0; mask < combinations; mask++)
            {
                if (bits.Length == 1 && mask == 1)
                {
                    continue;
                }

                // Bit (n-1-i) of the mask set means "replace bits[i] with '*'": counting upwards reproduces
                // itertools.product((True, False), repeat=n), whose first position varies slowest.
                yield return string.Join(":", bits.Select((bit, i) => (mask & (1 << (bits.Length - 1 - i))) != 0 ? "*" : bit));
            }
        }

        private static string? ClosestPrefixed(Dictionary<string, IReadOnlyDictionary<string, IniValue>> sections, string kind, string name)
        {
            var bits = name.Split(':');
            var matches = sections.Keys
                .Select(s => s.Split(':'))
                .Where(s => s.Length > bits.Length && s.Skip(s.Length - bits.Length).SequenceEqual(bits))
                .GroupBy(s => s.Length)
                .OrderBy(g => g.Key)
                .FirstOrDefault();
            if (matches == null)
            {
                return null;
            }

            var names = matches.Select(s => string.Join(":", s)).OrderBy(s => s, StringComparer.Ordinal).ToList();
            if (names.Count > 1)
            {
                throw new Errors.EucaException(
                    Errors.ErrorIds.CloudConfigurationInvalid,
                    Errors.EucaErrorCategory.InvalidArgument,
                    $"The {kind} name '{name}' is ambiguous in euca2ools.ini; the closest matches are {string.Join(", ", names)}.",
                    name);
            }

            return names[0];
        }

        private static Errors.EucaException LoopError(string kind, string name, string? file) =>
            ConfigurationErrors.Invalid(file ?? "euca2ools.ini", $"the 'use' references starting at [{kind} {name}] form a loop.");
    }

    /// <summary>A value found in euca2ools.ini and the section and file it came from.</summary>
    internal sealed class ConfigLookupResult
    {
        public ConfigLookupResult(string value, string kind, string section, string file)
        {
            Value = value;
            Kind = kind;
            Section = section;
            File = file;
        }

        public string Value { get; }

        public string Kind { get; }

        public string Section { get; }

        public string File { get; }

        public string Describe() => $"euca2ools.ini [{Kind} {Section}] ({File})";
    }
}
