using System;

namespace Euca.Images.Engine.DiskImages.Vhdx
{
    /// <summary>The GUIDs that name VHDX regions and metadata items, shared by the reader and the writer.</summary>
    internal static class VhdxIds
    {
        public static readonly Guid BatRegion = new Guid("2DC27766-F623-4200-9D64-115E9BFD4A08");
        public static readonly Guid MetadataRegion = new Guid("8B7CA206-4790-4B9A-B8FE-575F050F886E");
        public static readonly Guid FileParameters = new Guid("CAA16737-FA36-4D43-B3B6-33F0AA44E76B");
        public static readonly Guid VirtualDiskSize = new Guid("2FA54224-CD1B-4876-B211-5DBED83BF4B8");
        public static readonly Guid LogicalSectorSize = new Guid("8141BF1D-A96F-4709-BA47-F233A8FAAB5F");
        public static readonly Guid VirtualDiskId = new Guid("BECA12AB-B2E6-4523-93EF-C309E000C746");
        public static readonly Guid PhysicalSectorSize = new Guid("CDA348C7-445D-4471-9CC9-E9885251C556");
        public static readonly Guid ParentLocator = new Guid("A8D35F2D-B30B-454D-ABF7-D3D84834AB0C");
    }
}
