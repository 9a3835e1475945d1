using System;
using System.Collections.Concurrent;
using System.Management.Automation.Runspaces;
using Euca.Images.Engine.Cloud;

namespace Euca.Images.Runtime
{
    /// <summary>
    /// The default connection of each runspace (set by Connect-EucaCloud). Keyed by runspace so thread jobs and
    /// hosted runspaces never see each other's credentials.
    /// </summary>
    internal static class SessionConnections
    {
        private static readonly ConcurrentDictionary<Guid, CloudConnection> s_defaults = new ConcurrentDictionary<Guid, CloudConnection>();

        private static Guid CurrentKey => Runspace.DefaultRunspace?.InstanceId ?? Guid.Empty;

        public static CloudConnection? Current => s_defaults.TryGetValue(CurrentKey, out CloudConnection? connection) ? connection : null;

        public static void Set(CloudConnection connection)
        {
            CloudConnection? previous = null;
            s_defaults.AddOrUpdate(CurrentKey, connection, (_, old) =>
            {
                previous = old;
                return connection;
            });
            if (previous != null && !ReferenceEquals(previous, connection))
            {
                previous.Dispose();
            }
        }

        public static bool Clear()
        {
            if (s_defaults.TryRemove(CurrentKey, out CloudConnection? removed))
            {
                removed.Dispose();
                return true;
            }

            return false;
        }
    }
}
