using System.Security.Cryptography;

namespace Euca.Images.LocalCloud.Registration;

/// <summary>New image ids in the cloud's configured style: emi-/eki-/eri- (or ami-/aki-/ari-) and 8 or 17 lower-case
/// hex digits (Eucalyptus ResourceIdentifiers with cloud.short/long_identifier_prefixes and the canonicalizer).</summary>
public sealed class ImageIdGenerator(bool longIds, bool amazonPrefixes)
{
    public string Next(string imageType, Func<string, bool> isTaken)
    {
        char family = amazonPrefixes ? 'a' : 'e';
        char kind = imageType switch { "kernel" => 'k', "ramdisk" => 'r', _ => 'm' };
        int digits = longIds ? 17 : 8;
        while (true)
        {
            string hex = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(9))[..digits];
            string id = $"{family}{kind}i-{hex}";
            if (!isTaken(id))
            {
                return id;
            }
        }
    }
}
