using System;

namespace Euca.Images.Engine.Errors
{
    /// <summary>
    /// The one exception type the engine throws for failures a user can act on. <see cref="ErrorId"/> is stable
    /// (scripts match on it) and always one of the catalogue <see cref="ErrorIds"/>; <see cref="Target"/> is the
    /// offending value (a path, an id, a part name). Messages never contain secret keys or private key material.
    /// </summary>
    public class EucaException : Exception
    {
        private readonly ErrorId _id;

        public EucaException(ErrorId errorId, EucaErrorCategory category, string message, object? target = null, Exception? inner = null)
            : base(message, inner)
        {
            _id = errorId ?? throw new ArgumentNullException(nameof(errorId));
            Category = category;
            Target = target;
        }

        /// <summary>
        /// The failure <paramref name="cause"/> told again with the context of a larger operation in
        /// <paramref name="message"/>; its id, category and target stay, so scripts match on the same id.
        /// </summary>
        public EucaException(EucaException cause, string message)
            : this((cause ?? throw new ArgumentNullException(nameof(cause)))._id, cause.Category, message, cause.Target, cause)
        {
        }

        /// <summary>A stable identifier such as <c>ManifestSignatureInvalid</c>.</summary>
        public string ErrorId => _id.Name;

        /// <summary>The catalogue entry of <see cref="ErrorId"/>, for code that passes the id on.</summary>
        public ErrorId Id => _id;

        public EucaErrorCategory Category { get; }

        /// <summary>The value the error is about, shown to the user and put in the ErrorRecord's target.</summary>
        public object? Target { get; }

        /// <summary>Whether this error has the id <paramref name="id"/>, for callers that handle one failure themselves.</summary>
        public bool Is(ErrorId id) => _id.Equals(id);
    }
}
