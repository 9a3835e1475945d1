using Euca.Images.Engine.Configuration;

namespace Euca.Images.Runtime
{
    /// <summary>
    /// Base of the object-storage cmdlets: they need the object-storage URL and keys, not the compute URL.
    /// </summary>
    public abstract class EucaStorageCmdlet : EucaCloudCmdlet
    {
        /// <inheritdoc />
        protected override void RequireSettings(CloudSettings settings) =>
            settings.Require(CloudSettingNames.ObjectStorageUrl, CloudSettingNames.AccessKey, CloudSettingNames.SecretKey);
    }
}
