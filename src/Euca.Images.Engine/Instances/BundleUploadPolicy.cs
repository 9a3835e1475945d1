using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Euca.Images.Engine.Instances
{
    /// <summary>
    /// The signed upload policy BundleInstance hands to the cloud so the node can store the bundle in the user's
    /// bucket, built as euca2ools 3.4 bundleinstance.py builds it: the JSON
    /// <c>{"conditions": [{"acl": "ec2-bundle-read"}, {"bucket": B}, ["starts-with", "$key", P]], "expiration": T}</c>
    /// with Python json.dumps spacing, base64-encoded; the signature is base64(HMAC-SHA1(secret key, base64 policy
    /// text)). The secret key is used only to sign and is never kept.
    /// </summary>
    public sealed class BundleUploadPolicy
    {
        private BundleUploadPolicy(string json, string signature)
        {
            Json = json;
            Base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
            Signature = signature;
        }

        /// <summary>The policy document.</summary>
        public string Json { get; }

        /// <summary>The policy as sent (<c>Storage.S3.UploadPolicy</c>).</summary>
        public string Base64 { get; }

        /// <summary><c>Storage.S3.UploadPolicySignature</c>.</summary>
        public string Signature { get; }

        /// <summary>The policy for keys under <paramref name="prefix"/> in <paramref name="bucket"/>, valid until <paramref name="expiresUtc"/> (whole seconds, UTC).</summary>
        public static BundleUploadPolicy Create(string bucket, string prefix, DateTime expiresUtc, string secretKey)
        {
            if (bucket == null)
            {
                throw new ArgumentNullException(nameof(bucket));
            }

            if (prefix == null)
            {
                throw new ArgumentNullException(nameof(prefix));
            }

            if (string.IsNullOrEmpty(secretKey))
            {
                throw new ArgumentException("A secret key is required to sign the upload policy.", nameof(secretKey));
            }

            string expiration = expiresUtc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            string json = "{\"conditions\": [{\"acl\": \"ec2-bundle-read\"}, {\"bucket\": " + PythonJsonText.Quote(bucket) + "}, "
                + "[\"starts-with\", \"$key\", " + PythonJsonText.Quote(prefix) + "]], \"expiration\": " + PythonJsonText.Quote(expiration) + "}";
            string base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
            using (var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(secretKey)))
            {
                return new BundleUploadPolicy(json, Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(base64))));
            }
        }

        /// <summary>Never shows the signature's inputs; the policy itself is not secret.</summary>
        public override string ToString() => Json;
    }
}
