using System;

namespace Euca.Images.Engine.Errors
{
    /// <summary>
    /// A stable error id from the catalogue <see cref="ErrorIds"/>, the only place that creates them, so no code can
    /// raise an id the catalogue does not list. Scripts see the id as <see cref="Name"/>, the ErrorRecord's
    /// FullyQualifiedErrorId.
    /// </summary>
    public sealed class ErrorId : IEquatable<ErrorId>
    {
        internal ErrorId(string name)
        {
            Name = name;
        }

        /// <summary>The id as scripts match on it, for example <c>ImageIdInvalid</c> or <c>Cloud.InvalidAMIID.NotFound</c>.</summary>
        public string Name { get; }

        public bool Equals(ErrorId? other) => other != null && string.Equals(Name, other.Name, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as ErrorId);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

        public override string ToString() => Name;
    }
}
