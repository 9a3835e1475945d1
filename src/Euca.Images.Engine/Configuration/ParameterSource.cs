using System;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>Offers the explicit values of a <see cref="CloudSettingsRequest"/> (relative paths: current directory).</summary>
    internal static class ParameterSource
    {
        public static SettingLayer Read(CloudSettingsRequest request, ConfigurationEnvironment environment)
        {
            var layer = new SettingLayer();
            Offer(layer, CloudSettingNames.ComputeUrl, request.ComputeUrl, environment);
            Offer(layer, CloudSettingNames.ObjectStorageUrl, request.ObjectStorageUrl, environment);
            Offer(layer, CloudSettingNames.BootstrapUrl, request.BootstrapUrl, environment);
            Offer(layer, CloudSettingNames.AccessKey, request.AccessKey, environment);
            Offer(layer, CloudSettingNames.SecretKey, request.SecretKey, environment);
            Offer(layer, CloudSettingNames.SessionToken, request.SessionToken, environment);
            Offer(layer, CloudSettingNames.AccountId, request.AccountId, environment);
            Offer(layer, CloudSettingNames.CertificatePath, request.CertificatePath, environment);
            Offer(layer, CloudSettingNames.PrivateKeyPath, request.PrivateKeyPath, environment);
            Offer(layer, CloudSettingNames.CloudCertificatePath, request.CloudCertificatePath, environment);
            Offer(layer, CloudSettingNames.SigningRegion, request.SigningRegion, environment);
            Offer(layer, CloudSettingNames.SkipCertificateCheck, request.SkipCertificateCheck?.ToString(), environment);
            Offer(layer, CloudSettingNames.CertificateAuthorityPath, request.CertificateAuthorityPath, environment);
            return layer;
        }

        private static void Offer(SettingLayer layer, string setting, string? value, ConfigurationEnvironment environment)
        {
            if (!string.IsNullOrWhiteSpace(value) && CloudSettingNames.IsPath(setting))
            {
                value = PathExpander.Expand(value!, environment.CurrentDirectory, environment);
            }

            layer.Offer(setting, value, "parameter -" + setting);
        }
    }
}
