using System;

namespace Euca.Images.Engine.Migration
{
    /// <summary>How long to wait for an export or import task and how often to ask. AWS converts multi-GiB disks in
    /// tens of minutes, so the default deadline is generous and the poll is every 15 s (AWS's own waiters' delay).</summary>
    public sealed class MigrationWait
    {
        public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(6);

        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
    }
}
