using System.Security.Cryptography;

namespace Euca.Images.LocalCloud.State;

/// <summary>New resource ids: prefix + 8 lower-case hex digits, as Eucalyptus 4.x makes by default, or 17 as AWS does.</summary>
public static class ResourceIds
{
    public static string New(string prefix, bool longId = false) =>
        prefix + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(9))[..(longId ? 17 : 8)];
}
