using System;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// The canned ACLs bundles are stored with (euca2ools' --acl). aws-exec-read lets the cloud read the bundle to
    /// register and launch it while keeping it private to the owner.
    /// </summary>
    public static class BundleAcl
    {
        public const string AwsExecRead = "aws-exec-read";
        public const string PublicRead = "public-read";
        public const string Ec2BundleRead = "ec2-bundle-read";

        public static string Check(string? acl)
        {
            string value = acl ?? AwsExecRead;
            if (value == AwsExecRead || value == PublicRead || value == Ec2BundleRead)
            {
                return value;
            }

            throw new EucaException(ErrorIds.StorageAclInvalid, EucaErrorCategory.InvalidArgument,
                $"'{acl}' is not a bundle ACL; use {AwsExecRead}, {PublicRead} or {Ec2BundleRead}.", acl);
        }
    }
}
