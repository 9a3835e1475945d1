namespace Euca.Images.Engine.Migration
{
    /// <summary>The disk formats an export can write that Eucalyptus' disk import takes as they are.</summary>
    public enum ExportFormat
    {
        /// <summary>The plain disk (ExportImage's RAW).</summary>
        Raw,

        /// <summary>A stream-optimized VMDK, smaller to move; Eucalyptus imports it as it is.</summary>
        Vmdk,
    }
}
