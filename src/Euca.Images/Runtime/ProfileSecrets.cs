using System.Linq;
using System.Management.Automation;
using Euca.Images.Engine.Configuration;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Runtime
{
    /// <summary>
    /// Reads the secret key of a stored profile that keeps it in a SecretManagement vault, through Get-Secret, when the
    /// request names such a profile. SecretManagement is not a dependency of the module: Get-Secret is looked up at
    /// connect time (which auto-loads the module when it is installed), and a profile that needs it says so when it is
    /// missing. Runs on the pipeline thread, as PowerShell commands must.
    /// </summary>
    internal static class ProfileSecrets
    {
        private const string ReadSecret =
            "param($Name, $Vault) " +
            "if (-not (Get-Command Get-Secret -ErrorAction Ignore)) { return } " +
            "if ($Vault) { Get-Secret -Name $Name -Vault $Vault -AsPlainText -ErrorAction Stop } else { Get-Secret -Name $Name -AsPlainText -ErrorAction Stop }";

        public static void AddVaultSecret(PSCmdlet cmdlet, CloudSettingsRequest request)
        {
            CloudProfile? profile = CloudProfileStore.ForUser(request.Environment ?? ConfigurationEnvironment.FromSystem()).TryFind(request.ProfileName?.Trim());
            if (profile?.SecretName is null)
            {
                return;
            }

            object? secret;
            try
            {
                secret = cmdlet.InvokeCommand.InvokeScript(ReadSecret, profile.SecretName, profile.SecretVault).Select(o => o?.BaseObject).FirstOrDefault();
            }
            catch (RuntimeException e)
            {
                throw Unavailable(profile, "Get-Secret failed: " + e.Message, e);
            }

            string? text = secret switch
            {
                string plain => plain,
                PSCredential credential => credential.GetNetworkCredential().Password,
                _ => null,
            };
            if (string.IsNullOrEmpty(text))
            {
                throw Unavailable(profile, secret is null
                    ? "Get-Secret is not available: install the Microsoft.PowerShell.SecretManagement module and register the vault"
                    : $"the secret is a {secret.GetType().Name}, not a string or credential", null);
            }

            request.ProfileSecretKey = text;
            request.SecretKeySource = $"stored profile '{profile.Name}' ({profile.SecretStorage})";
        }

        private static EucaException Unavailable(CloudProfile profile, string reason, System.Exception? inner) =>
            new EucaException(ErrorIds.CloudProfileSecretUnavailable, EucaErrorCategory.PermissionDenied,
                $"The profile '{profile.Name}' keeps its secret key in {profile.SecretStorage}, which cannot be read: {reason}.", profile.Name, inner);
    }
}
