using System;

namespace Euca.Images.Engine.Errors
{
    /// <summary>
    /// The one exception type the engine throws for failures a user can act on. <see cref="ErrorId"/> is stable
    /// (scripts match on it); <see cref="Target"/> is the offending value (a path, an id, a part name).
    /// Messages never contain secret keys or private key material.
    /// </summary>
    public class EucaException : Exception
    {
        public EucaException(string errorId, EucaErrorCategory category, string message, object? target = null, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId ?? throw new ArgumentNullException(nameof(errorId));
            Category = category;
            Target = target;
        }

        /// <summary>A stable identifier such as <c>ManifestSignatureInvalid</c>.</summary>
        public string ErrorId { get; }

        public EucaErrorCategory Category { get; }

        /// <summary>The value the error is about, shown to the user and put in the ErrorRecord's target.</summary>
        public object? Target { get; }
    }
}
