using System.Security.Cryptography;

namespace Euca.Images.LocalCloud.State;

/// <summary>New short resource ids (prefix + 8 lower-case hex digits), as Eucalyptus 4.x makes by default.</summary>
public static class ResourceIds
{
    public static string New(string prefix) =>
        prefix + "-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
}
