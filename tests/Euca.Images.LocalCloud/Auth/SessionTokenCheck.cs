using System.Security.Cryptography;
using System.Text;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.State;

namespace Euca.Images.LocalCloud.Auth;

/// <summary>A session token must come with a request exactly when its key was issued with one (both signature versions).</summary>
public static class SessionTokenCheck
{
    /// <summary>True when the request carries a token (which then matched); throws AuthFailure on a mismatch.</summary>
    public static bool Check(string? token, AccessKey key)
    {
        if (key.SessionToken is null && token is null)
        {
            return false;
        }

        if (key.SessionToken is null || token is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key.SessionToken), Encoding.UTF8.GetBytes(token)))
        {
            throw CloudErrors.AuthFailure("The security token included in the request is invalid.");
        }

        return true;
    }
}
