using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// How a stored profile keeps its secret key. On Windows the key is encrypted with DPAPI for the current user
    /// (what AWS.Tools' credential store does), so only that user on that machine can read it. Elsewhere there is no
    /// such store in .NET: the key is kept in a file only its owner can read (mode 0600, in a 0700 directory), and a
    /// file others can read is refused, as ssh refuses such a private key.
    /// </summary>
    internal static class SecretProtection
    {
        public const string Dpapi = "dpapi";
        public const string OwnerOnlyFile = "owner-only-file";

        // Group and other permission bits (0077): none may be set on a file that holds a secret.
        private const int GroupOrOtherBits = 0x3F;
        private const int OwnerReadWrite = 0x180;
        private const int OwnerAll = 0x1C0;

        public static bool IsWindows => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>The protection this platform gives a stored secret.</summary>
        public static string Current => IsWindows ? Dpapi : OwnerOnlyFile;

        public static string Describe(string protection, string file) => protection == Dpapi
            ? "DPAPI, current Windows user (in " + file + ")"
            : "file readable by its owner only, mode 0600 (" + file + ")";

        public static string Protect(string secret) => IsWindows
            ? Convert.ToBase64String(ProtectedData.Protect(Encoding.UTF8.GetBytes(secret), null, DataProtectionScope.CurrentUser))
            : secret;

        public static string Unprotect(string stored, string protection, string file)
        {
            if (protection != Dpapi)
            {
                return stored;
            }

            try
            {
                return Encoding.UTF8.GetString(ProtectedData.Unprotect(Convert.FromBase64String(stored), null, DataProtectionScope.CurrentUser));
            }
            catch (Exception e) when (e is CryptographicException || e is FormatException || e is PlatformNotSupportedException)
            {
                throw new EucaException(ErrorIds.CloudProfileSecretUnavailable, EucaErrorCategory.PermissionDenied,
                    $"The secret key in '{file}' was protected with DPAPI for another user or machine (or the file is damaged) and cannot be read here. Save the profile again.", file, e);
            }
        }

        /// <summary>Makes a directory the owner's alone (0700) where file modes exist.</summary>
        public static void RestrictDirectory(string directory) => SetMode(directory, OwnerAll);

        /// <summary>Makes a file readable and writable by its owner only (0600) where file modes exist.</summary>
        public static void RestrictFile(string file) => SetMode(file, OwnerReadWrite);

        /// <summary>Refuses a file holding a clear-text secret that others can read.</summary>
        public static void RequireOwnerOnly(string file)
        {
            int? mode = GetMode(file);
            if (mode is int bits && (bits & GroupOrOtherBits) != 0)
            {
                throw new EucaException(ErrorIds.CloudProfileUnprotected, EucaErrorCategory.PermissionDenied,
                    $"The profile file '{file}' holds a secret key and can be read by other users (mode {Convert.ToString(bits & 0x1FF, 8)}), so it is not used. "
                    + $"Run 'chmod 600 {file}' if nobody else has read it, else replace the key and save the profile again.", file);
            }
        }

        // File modes are read and set through File.GetUnixFileMode/SetUnixFileMode (.NET 7 and later), found by
        // reflection because the engine targets netstandard2.0. Where they do not exist the runtime is .NET Framework,
        // which runs only on Windows, where DPAPI protects the secret instead.
        private static int? GetMode(string path)
        {
            MethodInfo? get = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });
            return IsWindows || get is null ? null : Convert.ToInt32(get.Invoke(null, new object[] { path }));
        }

        private static void SetMode(string path, int mode)
        {
            MethodInfo? set = UnixModeSetter();
            if (IsWindows || set is null)
            {
                return;
            }

            Type modeType = set.GetParameters()[1].ParameterType;
            set.Invoke(null, new[] { path, Enum.ToObject(modeType, mode) });
        }

        private static MethodInfo? UnixModeSetter()
        {
            foreach (MethodInfo method in typeof(File).GetMethods())
            {
                ParameterInfo[] parameters = method.GetParameters();
                if (method.Name == "SetUnixFileMode" && parameters.Length == 2 && parameters[0].ParameterType == typeof(string))
                {
                    return method;
                }
            }

            return null;
        }
    }
}
