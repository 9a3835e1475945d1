using System.Text.RegularExpressions;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Actions.Images.Lifecycle;

/// <summary>ModifyImageAttribute as ImageManager.modifyImageAttribute: owner or administrator; launch permissions
/// (`LaunchPermission.Add|Remove.N.UserId|Group`, or the older `Attribute=launchPermission&amp;OperationType=add|remove
/// &amp;UserId.N&amp;UserGroup.N`) with 12-digit ids of existing accounts or the group `all` (which makes the image
/// public); product codes are add-only (`ProductCode.N`); `Description.Value`. A user id that is no account is
/// InvalidParameterValue ("Not a valid userId", verifyUserIds); nothing to change is MissingParameter.</summary>
public sealed partial class ModifyImageAttributeAction : ICloudAction
{
    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();

    public string Name => "ModifyImageAttribute";

    public CloudService Service => CloudService.Compute;

    public Task<ActionResponse> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ImageRecord image = OwnedImage.Find(context, "modify image attribute");
        QueryParameters p = context.Parameters;
        (List<string> addUsers, bool addAll) = Permissions(context, p.GetStructList("LaunchPermission.Add"));
        (List<string> removeUsers, bool removeAll) = Permissions(context, p.GetStructList("LaunchPermission.Remove"));
        if (p.Get("Attribute") == "launchPermission" && p.Get("OperationType") is { } operation)
        {
            List<string> users = p.GetList("UserId").Select(u => CheckAccount(context, u)).ToList();
            bool all = p.GetList("UserGroup").Select(CheckGroup).Any();
            if (operation == "add")
            {
                addUsers.AddRange(users);
                addAll |= all;
            }
            else
            {
                removeUsers.AddRange(users);
                removeAll |= all;
            }
        }

        List<string> productCodes = p.GetList("ProductCode").ToList();
        string? description = p.Get("Description.Value") ?? (p.Get("Attribute") == "description" ? p.Get("Value") : null);
        if (addUsers.Count + removeUsers.Count + productCodes.Count == 0 && !addAll && !removeAll && description is null)
        {
            throw CloudErrors.MissingParameter("LaunchPermission, ProductCode or Description");
        }

        context.State.UpdateImage(image.ImageId, i => i with
        {
            IsPublic = addAll || (i.IsPublic && !removeAll),
            LaunchPermissions = i.LaunchPermissions.Union(addUsers).Except(removeUsers).ToArray(),
            ProductCodes = i.ProductCodes.Union(productCodes).ToArray(),
            Description = description ?? i.Description,
        });
        return Task.FromResult(OwnedImage.Return(Name));
    }

    private static (List<string> Users, bool All) Permissions(ActionContext context, IReadOnlyList<QueryParameters> entries)
    {
        var users = new List<string>();
        bool all = false;
        foreach (QueryParameters entry in entries)
        {
            if (entry.Get("Group") is { } group)
            {
                all |= CheckGroup(group);
            }

            if (entry.Get("UserId") is { } user)
            {
                users.Add(CheckAccount(context, user));
            }
        }

        return (users, all);
    }

    private static bool CheckGroup(string group) =>
        group == "all" ? true : throw CloudErrors.InvalidParameterValue($"Invalid launch permission group: {group}");

    private static string CheckAccount(ActionContext context, string userId) =>
        AccountId().IsMatch(userId) && context.State.FindAccount(userId) is not null
            ? userId
            : throw CloudErrors.InvalidParameterValue($"Not a valid userId : {userId}");
}
