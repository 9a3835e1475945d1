using System;
using System.Security;

namespace Euca.Images.Engine.Crypto
{
    /// <summary>
    /// The password of one key file, obtained at most once and only when the file turns out to be encrypted:
    /// either the one the caller passed or, failing that, from the caller's prompt callback (the engine itself
    /// never prompts). Remembers whether it was needed and supplied, so a decoding failure can be told apart
    /// as "password missing", "password wrong" or "file unreadable".
    /// </summary>
    internal sealed class KeyPassword : IDisposable
    {
        private readonly SecureString? _given;
        private readonly Func<string, SecureString?>? _prompt;
        private readonly string _sourceName;
        private char[]? _chars;

        public KeyPassword(SecureString? given, Func<string, SecureString?>? prompt, string sourceName)
        {
            _given = given;
            _prompt = prompt;
            _sourceName = sourceName;
        }

        /// <summary>True when the caller passed a password up front (so there is nothing to prompt for).</summary>
        public bool IsPreset => _given != null;

        public bool Requested { get; private set; }

        public bool Supplied => _chars != null;

        /// <summary>The password, or null when the caller has none.</summary>
        public char[]? Get()
        {
            if (Requested) return _chars;
            Requested = true;
            SecureString? secure = _given ?? _prompt?.Invoke(_sourceName);
            _chars = secure == null ? null : SecurePassword.ToChars(secure);
            return _chars;
        }

        public void Dispose() => SecurePassword.Clear(_chars);
    }
}
