using System.Globalization;
using Euca.Images.LocalCloud.State.Instances;

namespace Euca.Images.LocalCloud.Actions.Instances;

/// <summary>
/// Where an instance is on the (simulated) network, as DescribeInstances reports it in EC2-Classic mode, the only
/// one the local cloud models:
/// - Security groups: every account has a `default` group (Eucalyptus NetworkGroups.createDefault), and an
///   instance launched without groups is in it. Its id is `sg-` plus the account id's last 8 digits, so it is stable.
/// - Addresses: derived from the instance id so they are stable across restarts: private 10.111.x.y, public
///   192.0.2.n (the documentation range, never routable).
/// - Names: without instance DNS (cloud.vmstate... `USE_INSTANCE_DNS` is off by default, StackConfiguration),
///   Eucalyptus reports the addresses as dnsName/privateDnsName (VmInstance.getDisplayPublicDnsName), and an
///   instance that is stopped or terminated ("torn down", VmStateSet.TORNDOWN) has empty names and no addresses.
/// </summary>
public static class InstanceNetwork
{
    public const string DefaultGroupName = "default";

    public static string DefaultGroupId(string accountId) => "sg-" + accountId[^8..];

    public static bool IsTornDown(InstanceRecord instance) =>
        instance.State is InstanceStates.Stopped or InstanceStates.Terminated;

    public static string? PrivateIpAddress(InstanceRecord instance) =>
        IsTornDown(instance) ? null : $"10.111.{IdByte(instance, 0)}.{IdByte(instance, 1)}";

    public static string? PublicIpAddress(InstanceRecord instance) =>
        IsTornDown(instance) ? null : $"192.0.2.{Math.Max(1, IdByte(instance, 2) % 255)}";

    private static int IdByte(InstanceRecord instance, int index)
    {
        string hex = instance.InstanceId["i-".Length..];
        return int.Parse(hex.AsSpan(hex.Length - 2 * (index + 1), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }
}
