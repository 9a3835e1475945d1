using System;
using System.Runtime.InteropServices;
using System.Security;

namespace Euca.Images.Engine.Crypto
{
    /// <summary>
    /// Copies a <see cref="SecureString"/> into a char array for BouncyCastle, which wants char[]. Callers clear
    /// the array as soon as the key is decoded so the plain password lives as briefly as possible.
    /// </summary>
    internal static class SecurePassword
    {
        public static char[] ToChars(SecureString password)
        {
            IntPtr unmanaged = IntPtr.Zero;
            try
            {
                unmanaged = Marshal.SecureStringToGlobalAllocUnicode(password);
                var chars = new char[password.Length];
                Marshal.Copy(unmanaged, chars, 0, chars.Length);
                return chars;
            }
            finally
            {
                if (unmanaged != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
            }
        }

        public static void Clear(char[]? chars)
        {
            if (chars != null) Array.Clear(chars, 0, chars.Length);
        }
    }
}
