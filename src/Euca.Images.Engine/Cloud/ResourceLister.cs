using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Cloud
{
    /// <summary>
    /// One Describe* call made per-id: a malformed id is an error for that id and is never sent, an id the cloud does
    /// not have is an error for that id, and every other id is still described. EC2 (and the local cloud) refuse a
    /// whole request that names one unknown id, so the ids are then asked for one by one; Eucalyptus 4.4 leaves unknown
    /// ids out of its answer instead. With narrowing (filters, owners), an id left out may be a resource the narrowing
    /// excludes, which is not an error, so those ids are asked for again without it.
    /// </summary>
    internal sealed class ResourceLister<T>
    {
        private readonly ResourceKind _kind;
        private readonly Func<T, string> _idOf;
        private readonly Describe _describe;

        /// <param name="describe">
        /// The Describe* call(s) through <see cref="CloudConnection.CallComputeAsync{T}"/>: the given ids, or all when
        /// null, narrowed by the query's filters when <c>narrowed</c> is true.
        /// </param>
        public ResourceLister(ResourceKind kind, Func<T, string> idOf, Describe describe)
        {
            _kind = kind;
            _idOf = idOf;
            _describe = describe;
        }

        public delegate Task<IEnumerable<T>> Describe(IReadOnlyList<string>? ids, bool narrowed, CancellationToken cancellationToken);

        /// <summary>
        /// Describes the requested ids (all the query finds when none is given); <paramref name="narrowed"/> says whether
        /// the query has filters or owners that may exclude a requested resource.
        /// </summary>
        public async Task<ResourceListing<T>> ListAsync(IEnumerable<string?>? requestedIds, bool narrowed, CancellationToken cancellationToken)
        {
            List<(string? Id, EucaException? Error)> requested = (requestedIds ?? Enumerable.Empty<string?>()).Select(Parse).ToList();
            var ids = requested.Where(r => r.Id != null).Select(r => r.Id!).Distinct(StringComparer.Ordinal).ToList();
            IReadOnlyList<T> found = Array.Empty<T>();
            ISet<string> missing = new HashSet<string>(StringComparer.Ordinal);
            if (requested.Count == 0)
            {
                found = await DescribeAsync(null, narrowed, cancellationToken).ConfigureAwait(false) ?? Array.Empty<T>();
            }
            else if (ids.Count > 0)
            {
                // Only malformed ids ask nothing: a request without ids would list everything.
                (found, missing) = await DescribeByIdAsync(ids, narrowed, cancellationToken).ConfigureAwait(false);
            }

            var errors = new List<EucaException>();
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach ((string? id, EucaException? error) in requested)
            {
                if (error != null)
                {
                    errors.Add(error);
                }
                else if (missing.Contains(id!) && reported.Add(id!))
                {
                    errors.Add(_kind.NotFound(id!));
                }
            }

            // Several calls (EC2's one by one, or a query made of two calls) may answer the same resource twice.
            List<T> items = found.GroupBy(_idOf, StringComparer.Ordinal).Select(g => g.First()).OrderBy(_idOf, StringComparer.Ordinal).ToList();
            return new ResourceListing<T>(items, errors);
        }

        private (string? Id, EucaException? Error) Parse(string? id)
        {
            try
            {
                return (_kind.Canonicalize(id), null);
            }
            catch (EucaException e)
            {
                return (null, e);
            }
        }

        private async Task<(IReadOnlyList<T> Found, ISet<string> Missing)> DescribeByIdAsync(IReadOnlyList<string> ids, bool narrowed, CancellationToken cancellationToken)
        {
            var missing = new HashSet<string>(StringComparer.Ordinal);
            IReadOnlyList<T>? answered = await DescribeAsync(ids, narrowed, cancellationToken).ConfigureAwait(false);
            if (answered == null)
            {
                if (ids.Count == 1)
                {
                    missing.Add(ids[0]);
                    return (Array.Empty<T>(), missing);
                }

                var found = new List<T>();
                foreach (string id in ids)
                {
                    (IReadOnlyList<T> one, ISet<string> unknown) = await DescribeByIdAsync(new[] { id }, narrowed, cancellationToken).ConfigureAwait(false);
                    found.AddRange(one);
                    missing.UnionWith(unknown);
                }

                return (found, missing);
            }

            List<string> unlisted = ids.Where(id => answered.All(item => _idOf(item) != id)).ToList();
            if (unlisted.Count > 0 && narrowed)
            {
                (_, ISet<string> unknown) = await DescribeByIdAsync(unlisted, false, cancellationToken).ConfigureAwait(false);
                missing.UnionWith(unknown);
            }
            else
            {
                missing.UnionWith(unlisted);
            }

            return (answered, missing);
        }

        /// <summary>One query; null when the cloud refuses it because a requested id is unknown.</summary>
        private async Task<IReadOnlyList<T>?> DescribeAsync(IReadOnlyList<string>? ids, bool narrowed, CancellationToken cancellationToken)
        {
            try
            {
                return (await _describe(ids, narrowed, cancellationToken).ConfigureAwait(false)).ToList();
            }
            catch (EucaException e) when (ids != null && _kind.IsNotFound(e))
            {
                return null;
            }
        }
    }
}
