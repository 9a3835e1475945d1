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
            if (args.Length > 0 && args[0] == "payload")
            {
                return await PayloadBench.RunAsync(args);
            }
            Console.Error.WriteLine("usage: Euca.Images.Bench payload [--size-mib 1024] [--sparse-gib 8] [--work DIR]");
            return 2;
        }
    }
}
