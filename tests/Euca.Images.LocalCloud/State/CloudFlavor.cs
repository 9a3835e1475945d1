namespace Euca.Images.LocalCloud.State;

/// <summary>Which cloud the local cloud plays (`--flavor`).</summary>
public enum CloudFlavor
{
    /// <summary>Eucalyptus 4.4: emi- ids of 8 hex digits, no ExportImage or ImportSnapshot (InvalidAction).</summary>
    Eucalyptus,

    /// <summary>AWS EC2: ami-/snap-/vol- ids of 17 hex digits, and the VM Import/Export actions ExportImage,
    /// DescribeExportImageTasks, CancelExportTask, ImportSnapshot, DescribeImportSnapshotTasks and CancelImportTask.</summary>
    Aws,
}
