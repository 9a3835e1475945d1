using System;
using System.Security.Cryptography;
using Euca.Images.Engine.Crypto;

namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>Recovers a manifest's bundle key with a private key (the user's or the cloud's).</summary>
    public static class BundleManifestKeys
    {
        /// <summary>Tries the user copy, then the cloud copy; throws BundleKeyMismatch when neither opens.</summary>
        public static UnwrappedBundleKey UnwrapKey(this BundleManifest manifest, RSA privateKey)
        {
            if (manifest == null) throw new ArgumentNullException(nameof(manifest));
            return BundleKeyWrapper.Unwrap(manifest.UserEncryptedKey, manifest.UserEncryptedIv,
                manifest.Ec2EncryptedKey, manifest.Ec2EncryptedIv, privateKey);
        }
    }
}
