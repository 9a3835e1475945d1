using Euca.Images.LocalCloud.Protocol;

namespace Euca.Images.LocalCloud.Actions.Migration;

/// <summary>The one filter AWS documents for export-image tasks: `task-state`.</summary>
public static class TaskStateFilter
{
    /// <summary>
    /// What a Describe*Tasks call lists: the caller's tasks, or those named by <paramref name="ids"/> (an unknown one is
    /// <paramref name="notFound"/>'s error), in the states the filters in <paramref name="filterListName"/> ask for.
    /// </summary>
    public static T[] Select<T>(ActionContext context, IReadOnlyList<T> all, Func<T, string> idOf, Func<T, string> ownerOf, Func<T, string> statusOf,
        string idListName, string filterListName, Func<string, CloudErrorException> notFound)
    {
        T[] owned = all.Where(t => ownerOf(t) == context.Account.AccountId).ToArray();
        IReadOnlyList<string> ids = context.Parameters.GetList(idListName);
        IEnumerable<T> chosen = ids.Count == 0
            ? owned
            : ids.Select(id => owned.FirstOrDefault(t => idOf(t) == id) ?? throw notFound(id));
        IReadOnlyList<string>? states = From(context.Parameters.GetFilters(filterListName));
        return chosen.Where(t => states is null || states.Contains(statusOf(t))).ToArray();
    }

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
