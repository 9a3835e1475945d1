namespace Euca.Images.Engine.Migration
{
    /// <summary>Which kind of cloud a connection talks to, as far as image migration cares.</summary>
    public enum CloudFamily
    {
        /// <summary>Eucalyptus: disk imports through ImportVolume/ImportInstance, no ExportImage or ImportSnapshot.</summary>
        Eucalyptus,

        /// <summary>AWS EC2 (or a cloud that answers VM Import/Export as it does).</summary>
        Aws,
    }
}
