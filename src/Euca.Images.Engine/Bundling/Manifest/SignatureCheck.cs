namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>Outcome of checking a manifest signature.</summary>
    public enum SignatureCheck
    {
        /// <summary>The manifest says <c>UNSIGNED</c> (or has no signature element): nothing to verify.</summary>
        Unsigned,

        Valid,

        /// <summary>The signature does not match the signed text and certificate (or is not hex).</summary>
        Invalid,
    }
}
