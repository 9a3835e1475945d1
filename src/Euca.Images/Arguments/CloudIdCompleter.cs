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
    /// Tab completion of names from the cloud (resource ids, zones, buckets, folders, accounts; modelled on
    /// PSResourceGet's ArgumentCompleter): one listing call with a short timeout, answers cached per endpoint, key, kind
    /// and scope for a minute, tooltips that say what each name is, and never an exception (a completer that throws or
    /// hangs breaks the user's typing). Without a connection, or when the listing fails, it offers nothing, and an
    /// empty answer keeps PowerShell from offering file names instead.
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

        /// <summary>The names the caller can use, each with its tooltip.</summary>
        /// <param name="connection">The connection of the command being typed.</param>
        /// <param name="scope">What <see cref="Scope"/> said the list is about.</param>
        /// <param name="cancellationToken">Cancelled when the completion gives up.</param>
        protected abstract Task<IReadOnlyList<CompletionEntry>> ListAsync(CloudConnection connection, string scope, CancellationToken cancellationToken);

        /// <summary>Whether the connection has the endpoint the listing needs (the compute URL unless overridden).</summary>
        protected virtual bool CanList(CloudConnection connection) => connection.Settings.ComputeUrl != null;

        /// <summary>
        /// What the list depends on besides the connection (a bucket named earlier on the line, the folder typed so
        /// far), part of the cache key; null when there is nothing to list yet.
        /// </summary>
        protected virtual string? Scope(string word, IDictionary fakeBoundParameters) => string.Empty;

        private IEnumerable<CompletionResult> Complete(string wordToComplete, IDictionary fakeBoundParameters)
        {
            object? bound = fakeBoundParameters?["Connection"];
            CloudConnection? connection = (bound is PSObject wrapped ? wrapped.BaseObject : bound) as CloudConnection ?? SessionConnections.Current;
            string word = wordToComplete.Trim('\'', '"');
            string? scope = connection is null || !CanList(connection) ? null : Scope(word, fakeBoundParameters ?? new Hashtable());
            if (scope is null)
            {
                return Array.Empty<CompletionResult>();
            }

            return CompletionText.Matching(Entries(connection!, scope).Select(e => new KeyValuePair<string, string>(e.Id, e.ToolTip)), wordToComplete);
        }

        private IReadOnlyList<CompletionEntry> Entries(CloudConnection connection, string scope)
        {
            string key = $"{connection.Settings.ComputeUrl}|{connection.Settings.ObjectStorageUrl}|{connection.Settings.AccessKey}|{Kind}|{scope}";
            if (s_cache.TryGetValue(key, out CachedList? cached) && cached.Expires > DateTime.UtcNow)
            {
                return cached.Entries;
            }

            using var cancellation = new CancellationTokenSource(s_timeout);
            Task<IReadOnlyList<CompletionEntry>> task = Task.Run(() => ListAsync(connection, scope, cancellation.Token));
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
