using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Migration;

/// <summary>The one filter AWS documents for export-image tasks: `task-state`.</summary>
public static class TaskStateFilter
{
    /// <summary>The states asked for, or null without a filter; any other filter name is InvalidParameterValue.</summary>
    public static IReadOnlyList<string>? From(IReadOnlyList<RequestFilter> filters)
    {
        if (filters.FirstOrDefault(f => f.Name != "task-state") is { } unknown)
        {
            throw CloudErrors.InvalidParameterValue($"The filter '{unknown.Name}' is invalid");
        }

        return filters.Count == 0 ? null : filters.SelectMany(f => f.Values).ToArray();
    }
}
