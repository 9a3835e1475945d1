using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Runtime;

namespace Euca.Images.Arguments
{
    /// <summary>
    /// Tab completion of resource ids from the cloud (modelled on PSResourceGet's ArgumentCompleter): one listing call
    /// with a short timeout, answers cached per endpoint, key and kind for a minute, tooltips that say what each id is,
    /// and never an exception (a completer that throws or hangs breaks the user's typing).
    /// </summary>
    public abstract class CloudIdCompleter : IArgumentCompleter
    {
        private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(2);
        private static readonly TimeSpan s_lifetime = TimeSpan.FromSeconds(60);

        // Plain strings only: types of this assembly must not lay out engine types (see the load-context rules).
        private static readonly ConcurrentDictionary<string, CachedList> s_cache = new ConcurrentDictionary<string, CachedList>(StringComparer.Ordinal);

        /// <summary>What is listed, as part of the cache key (for example "image:kernel" or "volume").</summary>
        protected abstract string Kind { get; }

        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            try
            {
                return Complete(wordToComplete ?? string.Empty, fakeBoundParameters);
            }
            catch (Exception)
            {
                return Array.Empty<CompletionResult>();
            }
        }

        /// <summary>The ids the caller can use, each with its tooltip.</summary>
        protected abstract Task<IReadOnlyList<CompletionEntry>> ListAsync(CloudConnection connection, CancellationToken cancellationToken);

        private IEnumerable<CompletionResult> Complete(string wordToComplete, IDictionary fakeBoundParameters)
        {
            object? bound = fakeBoundParameters?["Connection"];
            CloudConnection? connection = (bound is PSObject wrapped ? wrapped.BaseObject : bound) as CloudConnection ?? SessionConnections.Current;
            if (connection?.Settings.ComputeUrl == null)
            {
                return Array.Empty<CompletionResult>();
            }

            char quote = wordToComplete.Length > 0 && (wordToComplete[0] == '\'' || wordToComplete[0] == '"') ? wordToComplete[0] : '\0';
            string word = wordToComplete.Trim('\'', '"');
            var pattern = new WildcardPattern(word + "*", WildcardOptions.IgnoreCase);
            return Entries(connection)
                .Where(e => pattern.IsMatch(e.Id))
                .Select(e => new CompletionResult(Quote(e.Id, quote), e.Id, CompletionResultType.ParameterValue, e.ToolTip))
                .ToList();
        }

        private IReadOnlyList<CompletionEntry> Entries(CloudConnection connection)
        {
            string key = $"{connection.Settings.ComputeUrl}|{connection.Settings.AccessKey}|{Kind}";
            if (s_cache.TryGetValue(key, out CachedList? cached) && cached.Expires > DateTime.UtcNow)
            {
                return cached.Entries;
            }

            using var cancellation = new CancellationTokenSource(s_timeout);
            Task<IReadOnlyList<CompletionEntry>> task = Task.Run(() => ListAsync(connection, cancellation.Token));
            if (!task.Wait(s_timeout))
            {
                cancellation.Cancel();
                return Array.Empty<CompletionEntry>();
            }

            List<CompletionEntry> entries = task.Result
                .GroupBy(e => e.Id, StringComparer.Ordinal)
                .Select(g => g.First())
                .OrderBy(e => e.Id, StringComparer.Ordinal)
                .ToList();
            s_cache[key] = new CachedList(entries, DateTime.UtcNow + s_lifetime);
            return entries;
        }

        // Ids never need quotes, but keep the user's opening quote and quote anything unusual.
        private static string Quote(string value, char quote)
        {
            if (quote != '\0')
            {
                return quote + value + quote;
            }

            return value.Any(c => char.IsWhiteSpace(c) || "'\"`$&(){}[];,|<>@#".IndexOf(c) >= 0) ? "'" + value.Replace("'", "''") + "'" : value;
        }

        /// <summary>One completable id and the tooltip that says what it is.</summary>
        protected sealed class CompletionEntry
        {
            /// <summary>An id and its tooltip.</summary>
            public CompletionEntry(string id, string toolTip)
            {
                Id = id;
                ToolTip = toolTip;
            }

            /// <summary>The id completed.</summary>
            public string Id { get; }

            /// <summary>What the id is, shown beside it.</summary>
            public string ToolTip { get; }
        }

        private sealed class CachedList
        {
            public CachedList(IReadOnlyList<CompletionEntry> entries, DateTime expires)
            {
                Entries = entries;
                Expires = expires;
            }

            public IReadOnlyList<CompletionEntry> Entries { get; }

            public DateTime Expires { get; }
        }
    }
}
