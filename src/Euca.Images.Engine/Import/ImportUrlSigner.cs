using System;
using Euca.Images.Engine.Configuration;

namespace Euca.Images.Engine.Import
{
    /// <summary>Pre-signs the object URLs of one import with the connection's keys, all valid until one instant.</summary>
    internal sealed class ImportUrlSigner
    {
        private readonly CloudSettings _settings;
        private readonly string _bucket;

        public ImportUrlSigner(CloudSettings settings, string bucket, DateTimeOffset expires)
        {
            _settings = settings;
            _bucket = bucket;
            Expires = expires;
        }

        public DateTimeOffset Expires { get; }

        public string Url(string method, string key) =>
            S3SignatureV2.Presign(_settings.ObjectStorageUrl!, _bucket, key, method, Expires, _settings.AccessKey!, _settings.SecretKey!, _settings.SessionToken).AbsoluteUri;
    }
}
