namespace Euca.Images.Engine.Bundling.Manifest
{
    /// <summary>The manifest's <c>bundler</c> element: which tool made the bundle. The cloud treats it as informational.</summary>
    public sealed class BundlerInfo
    {
        public BundlerInfo(string name, string version, string release)
        {
            Name = name;
            Version = version;
            Release = release;
        }

        public string Name { get; }

        public string Version { get; }

        public string Release { get; }
    }
}
