namespace Euca.Images.LocalCloud.Tests;

/// <summary>The accounts and keys of the embedded default-cloud.json.</summary>
internal static class DefaultKeys
{
    public const string AdminAccountId = "000000000001";
    public const string AdminAccessKey = "AKIALOCALCLOUDADMIN1";
    public const string AdminSecret = "localcloud-admin-secret-not-for-production";

    public const string UserAccountId = "123456789012";
    public const string UserAccessKey = "AKIALOCALCLOUDUSER01";
    public const string UserSecret = "localcloud-user-secret-not-for-production";

    public const string VendorAccountId = "210987654321";
    public const string VendorAccessKey = "AKIALOCALCLOUDVENDOR";
    public const string VendorSecret = "localcloud-vendor-secret-not-for-production";
}
