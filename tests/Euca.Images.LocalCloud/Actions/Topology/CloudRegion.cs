namespace Euca.Images.LocalCloud.Actions.Topology;

/// <summary>The one region of the local cloud. Eucalyptus names its region from `region.region_name`, or
/// `eucalyptus` when none is configured (euare RegionConfigurationManager.ConfiguredRegionProvider); the local cloud
/// behaves as a cloud configured with that name, so zones and the region agree.</summary>
public static class CloudRegion
{
    public const string Name = "eucalyptus";

    /// <summary>Zones of a healthy cluster are `available` (ClusterEndpoint ClusterFunctions.STATE).</summary>
    public const string ZoneState = "available";
}
