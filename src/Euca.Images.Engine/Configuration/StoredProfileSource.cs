namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// Offers a stored profile (Set-EucaCredential -StoreAs) named by -ProfileName: its settings, and its secret key
    /// from the protected file or, for a vault profile, as the caller read it from SecretManagement.
    /// </summary>
    internal static class StoredProfileSource
    {
        /// <summary>The layer of the stored profile the request names, or null when no stored profile has that name.</summary>
        public static SettingLayer? Read(CloudSettingsRequest request, ConfigurationEnvironment environment)
        {
            if (string.IsNullOrWhiteSpace(request.ProfileName))
            {
                return null;
            }

            var store = CloudProfileStore.ForUser(environment);
            CloudProfile? profile = store.TryFind(request.ProfileName!.Trim());
            if (profile == null)
            {
                return null;
            }

            var layer = new SettingLayer();
            string place = $"stored profile '{profile.Name}' ({profile.Location})";
            foreach (var setting in profile.Settings)
            {
                layer.Offer(setting.Key, setting.Value, place);
            }

            string? secret = store.ReadSecretKey(profile);
            if (secret != null)
            {
                layer.Offer(CloudSettingNames.SecretKey, secret, $"stored profile '{profile.Name}' ({profile.SecretStorage})");
            }
            else
            {
                layer.Offer(CloudSettingNames.SecretKey, request.ProfileSecretKey, request.SecretKeySource ?? $"stored profile '{profile.Name}' ({profile.SecretStorage})");
            }

            return layer;
        }
    }
}
