using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Bundling;
using Euca.Images.Engine.Bundling.Manifest;
using Euca.Images.Engine.Crypto;

namespace Euca.Images.Runtime
{
    /// <summary>The account, keys and certificates one invocation bundles every image with.</summary>
    internal sealed class BundleSigningInputs
    {
        public BundleSigningInputs(string accountId, X509Certificate2? userCertificate, RSA? signingKey, X509Certificate2 cloudCertificate, BundleKeyMaterial? fixedKeys)
        {
            AccountId = accountId;
            UserCertificate = userCertificate;
            SigningKey = signingKey;
            CloudCertificate = cloudCertificate;
            FixedKeys = fixedKeys;
        }

        public string AccountId { get; }

        public X509Certificate2? UserCertificate { get; }

        public RSA? SigningKey { get; }

        public X509Certificate2 CloudCertificate { get; }

        public BundleKeyMaterial? FixedKeys { get; }

        /// <summary>A request to bundle <paramref name="imagePath"/>; the properties' account id is set here.</summary>
        public BundleCreateRequest RequestFor(string imagePath, BundleImageProperties properties)
        {
            properties.AccountId = AccountId;
            return new BundleCreateRequest(imagePath, properties, CloudCertificate)
            {
                UserCertificate = UserCertificate,
                SigningKey = SigningKey,
                Keys = FixedKeys,
            };
        }
    }
}
