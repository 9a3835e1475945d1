using System;
using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;
using Euca.Images.Engine.Cloud;

namespace Euca.Images.Runtime
{
    /// <summary>
    /// The default connection of each runspace (set by Connect-EucaCloud). Keyed by runspace so thread jobs and
    /// hosted runspaces never see each other's credentials. Replaced or removed connections are not disposed: the
    /// user may still hold them (Connect-EucaCloud -PassThru) and pass them to -Connection.
    /// </summary>
    internal static class SessionConnections
    {
        private static readonly ConcurrentDictionary<Guid, CloudConnection> s_defaults = new ConcurrentDictionary<Guid, CloudConnection>();

        private static Guid CurrentKey => Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;

        public static CloudConnection? Current => s_defaults.TryGetValue(CurrentKey, out CloudConnection? connection) ? connection : null;

        public static void Set(CloudConnection connection) => s_defaults[CurrentKey] = connection;

        public static bool Clear() => s_defaults.TryRemove(CurrentKey, out _);
    }
}
