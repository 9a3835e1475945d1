using System.Globalization;
using Euca.Images.LocalCloud.Actions.Tags;
using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Volumes;

/// <summary>The DescribeVolumes filters of Eucalyptus 4.4 (Volumes.java VolumeFilterSupport), with the tag filters
/// every taggable resource takes (<see cref="TagFilters"/>). Each
/// filter yields the volume's values for that name; the volume matches if any value matches any pattern.</summary>
public static class VolumeFilters
{
    private static readonly Dictionary<string, Func<VolumeView, IEnumerable<string>>> Table = new(StringComparer.Ordinal)
    {
        ["attachment.attach-time"] = v => v.Attachments.Select(a => XmlWriterExtensions.FormatTimestamp(a.AttachTime)),
        ["attachment.delete-on-termination"] = v => v.Attachments.Select(a => a.DeleteOnTermination ? "true" : "false"),
        ["attachment.device"] = v => v.Attachments.Select(a => a.Device),
        ["attachment.instance-id"] = v => v.Attachments.Select(a => a.InstanceId),
        ["attachment.status"] = v => v.Attachments.Select(a => a.Status),
        ["availability-zone"] = v => [v.Volume.AvailabilityZone],
        ["create-time"] = v => [XmlWriterExtensions.FormatTimestamp(v.Volume.CreateTime)],
        ["size"] = v => [v.Volume.Size.ToString(CultureInfo.InvariantCulture)],
        ["snapshot-id"] = v => v.Volume.SnapshotId is { } snapshot ? [snapshot] : [],
        ["status"] = v => [v.Status],
        ["volume-id"] = v => [v.Volume.VolumeId],
        ["volume-type"] = _ => [VolumeXml.VolumeType],
    };

    /// <summary>Compiles the request's filters into one predicate; an unknown name is an InvalidParameterValue error.</summary>
    public static Func<VolumeView, bool> Compile(IReadOnlyList<RequestFilter> filters)
    {
        var compiled = new List<Func<VolumeView, bool>>();
        foreach (RequestFilter filter in filters)
        {
            if (TagFilters.Compile(filter) is { } tagFilter)
            {
                compiled.Add(volume => tagFilter(volume.Tags));
                continue;
            }

            Func<VolumeView, IEnumerable<string>> values = Table.GetValueOrDefault(filter.Name)
                ?? throw CloudErrors.InvalidParameterValue($"The filter '{filter.Name}' is invalid");
            WildcardPattern[] patterns = filter.Values.Select(v => new WildcardPattern(v)).ToArray();
            compiled.Add(volume => values(volume).Any(value => patterns.Any(p => p.IsMatch(value))));
        }

        return volume => compiled.All(f => f(volume));
    }
}
