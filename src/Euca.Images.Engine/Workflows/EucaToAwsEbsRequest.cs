using System.Collections.Generic;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Euca.Images.Engine.Migration;
using Euca.Images.Engine.Storage;

namespace Euca.Images.Engine.Workflows
{
    /// <summary>What <see cref="EucaToAwsEbsCopier"/> copies: an instance-store Eucalyptus image, the key that opens its
    /// bundle, the AWS bucket its disk is uploaded to, and the new image's attributes.</summary>
    public sealed class EucaToAwsEbsRequest
    {
        public EucaToAwsEbsRequest(string sourceImageId, string bucket, RSA privateKey)
        {
            SourceImageId = sourceImageId;
            Bucket = bucket;
            PrivateKey = privateKey;
            Journal = new EucaToAwsEbsJournal(sourceImageId);
        }

        public string SourceImageId { get; }

        /// <summary>The S3 bucket at the destination (created if missing) that holds the disk while AWS imports it.</summary>
        public string Bucket { get; }

        /// <summary>Put in front of the uploaded disk's name.</summary>
        public string KeyPrefix { get; set; } = "imports/";

        /// <summary>Opens the bundle key (the user's wrapped copy, else the cloud's).</summary>
        public RSA PrivateKey { get; }

        /// <summary>Checks the manifest's signature; null skips the check.</summary>
        public X509Certificate2? Signer { get; set; }

        public string? Name { get; set; }

        public string? Description { get; set; }

        public IReadOnlyDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

        /// <summary>Bytes per multipart part; memory holds two of them.</summary>
        public int PartSize { get; set; } = 16 * 1024 * 1024;

        public RetryPolicy? Retry { get; set; }

        public MigrationWait ImportWait { get; set; } = new MigrationWait();

        /// <summary>Keep the uploaded disk (by default it is deleted once the image is registered).</summary>
        public bool KeepUpload { get; set; }

        public EucaToAwsEbsJournal Journal { get; }
    }
}
