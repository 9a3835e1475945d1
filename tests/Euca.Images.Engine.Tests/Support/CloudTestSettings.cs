using System;
using System.Collections.Generic;
using System.IO;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Configuration;

namespace Euca.Images.Engine.Tests.Support
{
    internal static class CloudTestSettings
    {
        public const string Secret = "VERY-SECRET-KEY-0123456789";

        public static CloudSettings For(Uri computeUrl, Uri? bootstrapUrl = null)
        {
            var environment = new ConfigurationEnvironment(new Dictionary<string, string>(), Path.Combine(Path.GetTempPath(), "no-home-" + Guid.NewGuid().ToString("N")), Path.Combine(Path.GetTempPath(), "no-etc-" + Guid.NewGuid().ToString("N")), Path.GetTempPath(), Path.GetTempPath());
            return CloudSettingsResolver.Resolve(new CloudSettingsRequest
            {
                ComputeUrl = computeUrl.ToString(),
                BootstrapUrl = bootstrapUrl?.ToString(),
                AccessKey = "AKITEST",
                SecretKey = Secret,
                Environment = environment,
            });
        }

        public static CloudConnection Connect(Uri computeUrl, TimeSpan? timeout = null, Uri? bootstrapUrl = null) =>
            new CloudConnection(For(computeUrl, bootstrapUrl), new CloudConnectionOptions { MaxErrorRetry = 0, Timeout = timeout ?? TimeSpan.FromSeconds(10) });
    }
}
