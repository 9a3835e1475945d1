using System.Security;

namespace Euca.Images.Engine.Tests.Support
{
    internal static class SecureStrings
    {
        public static SecureString Of(string text)
        {
            var secure = new SecureString();
            foreach (char c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
