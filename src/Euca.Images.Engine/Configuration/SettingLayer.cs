using System;
using System.Collections.Generic;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// The values one configuration source (parameters, euca2ools.ini, eucarc, AWS profile, environment) offers,
    /// each with a description of where it came from, plus every place the source looked for each setting,
    /// which the "configuration incomplete" message lists.
    /// </summary>
    internal sealed class SettingLayer
    {
        private readonly Dictionary<string, SettingValue> _values = new Dictionary<string, SettingValue>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _lookedIn = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        /// <summary>
        /// Records that <paramref name="place"/> was consulted for <paramref name="setting"/> and keeps the value
        /// when it is non-empty and the layer has none yet (earlier offers are the higher-priority aliases).
        /// </summary>
        public void Offer(string setting, string? value, string place)
        {
            LookedIn(setting, place);
            if (!string.IsNullOrWhiteSpace(value) && !_values.ContainsKey(setting))
            {
                _values[setting] = new SettingValue(value!.Trim(), place);
            }
        }

        public void LookedIn(string setting, string place)
        {
            if (!_lookedIn.TryGetValue(setting, out var places))
            {
                places = new List<string>();
                _lookedIn[setting] = places;
            }

            if (!places.Contains(place))
            {
                places.Add(place);
            }
        }

        public bool TryGet(string setting, out SettingValue value) => _values.TryGetValue(setting, out value!);

        public IReadOnlyList<string> PlacesFor(string setting) =>
            _lookedIn.TryGetValue(setting, out var places) ? places : (IReadOnlyList<string>)Array.Empty<string>();
    }

    internal sealed class SettingValue
    {
        public SettingValue(string value, string source)
        {
            Value = value;
            Source = source;
        }

        public string Value { get; }

        /// <summary>Where the value came from; never contains the value itself.</summary>
        public string Source { get; }
    }
}
