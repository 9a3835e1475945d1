namespace Euca.Images.LocalCloud.State;

/// <summary>Who may see or use an image (Eucalyptus Images.FilterPermissions and filterExecutableBy).</summary>
public static class ImageAccess
{
    /// <summary>Visible when public, owned by the caller's account, shared with it by launch permission, or when
    /// the caller is an administrator.</summary>
    public static bool IsVisibleTo(ImageRecord image, Account account) =>
        account.IsAdmin
        || image.IsPublic
        || image.OwnerId == account.AccountId
        || image.LaunchPermissions.Contains(account.AccountId);

    /// <summary>An explicit launch permission for the account (ownership does not count: Eucalyptus 4.x
    /// ImageInfo.hasPermission looks only at the permission list).</summary>
    public static bool HasLaunchPermission(ImageRecord image, string accountId) =>
        image.LaunchPermissions.Contains(accountId);
}
