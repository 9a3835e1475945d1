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
    /// Tab completion of image ids from the cloud (modelled on PSResourceGet's ArgumentCompleter): DescribeImages with a
    /// short timeout, answers cached per endpoint and key for a minute, tooltips "id - name (state)", and never an
    /// exception (a completer that throws or hangs breaks the user's typing).
    /// </summary>
    public abstract class ImageIdCompleterBase : IArgumentCompleter
    {
        private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(2);
        private static readonly TimeSpan s_lifetime = TimeSpan.FromSeconds(60);

        // Plain strings only: types of this assembly must not lay out engine types (see BRIEF load-context rules).
        private static readonly ConcurrentDictionary<string, CachedList> s_cache = new ConcurrentDictionary<string, CachedList>(StringComparer.Ordinal);

        /// <summary>The DescribeImages image-type filter value, or null for every image.</summary>
        protected abstract string? ImageType { get; }

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

        /// <summary>Forgets cached answers (tests; after registering images in the same minute).</summary>
        internal static void ClearCache() => s_cache.Clear();

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
            string key = $"{connection.Settings.ComputeUrl}|{connection.Settings.AccessKey}|{ImageType}";
            if (s_cache.TryGetValue(key, out CachedList? cached) && cached.Expires > DateTime.UtcNow)
            {
                return cached.Entries;
            }

            var filters = new Dictionary<string, IReadOnlyList<string>>();
            if (ImageType != null)
            {
                filters["image-type"] = new[] { ImageType };
            }

            // Everything the caller may use: owned and shared (the default listing) plus public images (kernels and
            // ramdisks are usually the administrators' public images).
            using var cancellation = new CancellationTokenSource(s_timeout);
            var service = new ImageService(connection);
            Task<IReadOnlyList<ImageInfo>[]> task = Task.WhenAll(
                Task.Run(() => service.GetImagesAsync(new ImageQuery { Filters = filters }, cancellation.Token)),
                Task.Run(() => service.GetImagesAsync(new ImageQuery { ExecutableBy = new[] { "all" }, Filters = filters }, cancellation.Token)));
            if (!task.Wait(s_timeout))
            {
                cancellation.Cancel();
                return Array.Empty<CompletionEntry>();
            }

            List<CompletionEntry> entries = task.Result.SelectMany(list => list)
                .GroupBy(i => i.ImageId, StringComparer.Ordinal)
                .Select(g => g.First())
                .OrderBy(i => i.ImageId, StringComparer.Ordinal)
                .Select(i => new CompletionEntry(i.ImageId, i.Name, i.State))
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

        private sealed class CompletionEntry
        {
            public CompletionEntry(string id, string? name, string? state)
            {
                Id = id;
                ToolTip = $"{id} - {name ?? "(no name)"} ({state ?? "unknown"})";
            }

            public string Id { get; }

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

    /// <summary>Completes the ids of all images the caller can see.</summary>
    public sealed class ImageIdCompleter : ImageIdCompleterBase
    {
        /// <inheritdoc />
        protected override string? ImageType => null;
    }

    /// <summary>Completes kernel ids (image-type=kernel).</summary>
    public sealed class KernelIdCompleter : ImageIdCompleterBase
    {
        /// <inheritdoc />
        protected override string? ImageType => "kernel";
    }

    /// <summary>Completes ramdisk ids (image-type=ramdisk).</summary>
    public sealed class RamdiskIdCompleter : ImageIdCompleterBase
    {
        /// <inheritdoc />
        protected override string? ImageType => "ramdisk";
    }
}
