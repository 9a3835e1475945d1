using System;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// The keys of an AWS profile whose credentials are not written in the files as plain keys: a
    /// <c>credential_process</c>, or a profile of the AWS SDK's encrypted store (Windows, where AWS.Tools'
    /// Set-AWSCredential -StoreAs keeps them). AWSSDK.Core's own profile chain resolves them, so they behave exactly
    /// as in AWS.Tools; the chain reads the credentials file given and the config file beside it.
    /// </summary>
    internal static class AwsSdkProfileCredentials
    {
        /// <summary>Whether the SDK knows the profile (nothing is run to find out).</summary>
        public static bool Knows(string profile, string credentialsFile) =>
            new CredentialProfileStoreChain(credentialsFile).TryGetProfile(profile, out _);

        /// <summary>The profile's keys, or null when the SDK knows no such profile; a credential_process runs here.</summary>
        public static ImmutableCredentials? Resolve(string profile, string credentialsFile)
        {
            if (!new CredentialProfileStoreChain(credentialsFile).TryGetAWSCredentials(profile, out AWSCredentials credentials))
            {
                return null;
            }

            try
            {
                return credentials.GetCredentials();
            }
            catch (Exception e) when (!(e is EucaException))
            {
                // The SDK's message says what failed (the process's exit code, malformed JSON); it carries no key.
                throw new EucaException(
                    ErrorIds.AwsProfileCredentialsFailed,
                    EucaErrorCategory.AuthenticationError,
                    $"The AWS profile '{profile}' gives no usable keys: {e.Message}",
                    profile,
                    e);
            }
        }
    }
}
