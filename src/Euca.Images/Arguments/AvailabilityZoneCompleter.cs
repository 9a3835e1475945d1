using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;

namespace Euca.Images.Arguments
{
    /// <summary>Completes availability zones with "zone - state" tooltips.</summary>
    public sealed class AvailabilityZoneCompleter : CloudIdCompleter
    {
        /// <inheritdoc />
        protected override string Kind => "zone";

        /// <inheritdoc />
        protected override async Task<IReadOnlyList<CompletionEntry>> ListAsync(CloudConnection connection, string scope, CancellationToken cancellationToken)
        {
            IReadOnlyList<KeyValuePair<string, string>> zones = await AvailabilityZones.ListAsync(connection, cancellationToken).ConfigureAwait(false);
            return zones.Select(zone => new CompletionEntry(zone.Key, $"{zone.Key} - {zone.Value}")).ToList();
        }
    }
}
