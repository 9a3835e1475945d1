using System;
using System.Threading.Tasks;

namespace Euca.Images.Bench
{
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "--child")
            {
                return await PayloadChild.RunAsync(args);
            }
            if (args.Length == 0)
            {
                // Every scenario at its default size, one after the other, each printing its ratio table.
                int payload = await PayloadBench.RunAsync(args);
                int storage = await StorageBench.RunAsync(args);
                int disks = await DiskImageBench.RunAsync(args);
                int copy = await ImageCopyBench.RunAsync(args);
                return payload != 0 ? payload : storage != 0 ? storage : disks != 0 ? disks : copy;
            }
            if (args[0] == "payload")
            {
                return await PayloadBench.RunAsync(args);
            }
            if (args[0] == "disk-images")
            {
                return await DiskImageBench.RunAsync(args);
            }
            if (args[0] == "image-copy")
            {
                return await ImageCopyBench.RunAsync(args);
            }
            if (args[0] == "image-copy-peak")
            {
                return await ImageCopyBench.RunPeakChildAsync(args);
            }
            if (args[0] == "storage")
            {
                return await StorageBench.RunAsync(args);
            }
            if (args[0] == "storage-isolated")
            {
                return await StorageBench.RunIsolatedChildAsync(args);
            }
            if (args[0] == "storage-peak")
            {
                return await StorageBench.RunPeakChildAsync(args);
            }
            Console.Error.WriteLine("usage: Euca.Images.Bench [payload [--size-mib 1024] [--sparse-gib 8] [--work DIR] | storage [--size-mib 2560] [--work DIR] | disk-images [--vhdx-gib 4] [--qcow2-mib 1024] [--work DIR] | image-copy [--size-mib 1024] [--work DIR]]");
            return 2;
        }
    }
}
