namespace Euca.Images.Engine.Crypto
{
    /// <summary>Which wrapped copy of a bundle's key a private key could open.</summary>
    public enum BundleKeyCopy
    {
        /// <summary><c>user_encrypted_key</c>/<c>user_encrypted_iv</c>, wrapped for the bundling user's certificate.</summary>
        User,

        /// <summary><c>ec2_encrypted_key</c>/<c>ec2_encrypted_iv</c>, wrapped for the cloud's certificate.</summary>
        Cloud,
    }
}
