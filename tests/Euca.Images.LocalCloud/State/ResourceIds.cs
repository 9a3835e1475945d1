using System.Security.Cryptography;

namespace Euca.Images.LocalCloud.State;

/// <summary>New resource ids in the short Eucalyptus 4.x form: a prefix and 8 lower-case hex digits.</summary>
public static class ResourceIds
{
    public static string New(string prefix) => prefix + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
}
