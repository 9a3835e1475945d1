namespace Euca.Images.Engine.Crypto
{
    /// <summary>A bundle's AES key and IV recovered from the manifest, and which wrapped copy yielded them.</summary>
    public sealed class UnwrappedBundleKey
    {
        public UnwrappedBundleKey(BundleKeyCopy source, BundleKeyMaterial material)
        {
            Source = source;
            Material = material;
        }

        public BundleKeyCopy Source { get; }

        public BundleKeyMaterial Material { get; }
    }
}
