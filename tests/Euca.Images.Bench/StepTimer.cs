using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;

namespace Euca.Images.Bench
{
    /// <summary>
    /// Times benchmark steps: wall seconds, and the CPU seconds of this process and of the object store beside them.
    /// On a small machine the store competes with bundling for the same cores, and the split shows whose work an
    /// overhead is.
    /// </summary>
    internal sealed class StepTimer
    {
        private readonly Func<TimeSpan> _storeCpu;
        private readonly List<Row> _rows = new List<Row>();

        public StepTimer(Func<TimeSpan> storeCpu)
        {
            _storeCpu = storeCpu;
        }

        public async Task<T> Time<T>(string name, Func<Task<T>> step)
        {
            TimeSpan ownBefore = Process.GetCurrentProcess().TotalProcessorTime, storeBefore = _storeCpu();
            var watch = Stopwatch.StartNew();
            T result = await step();
            var row = new Row(name, watch.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - ownBefore).TotalSeconds,
                (_storeCpu() - storeBefore).TotalSeconds);
            _rows.Add(row);
            Console.WriteLine($"  {name}: {row.Seconds:0.00} s");
            return result;
        }

        public double Seconds(string name) => _rows.Single(r => r.Name == name).Seconds;

        public void PrintTable()
        {
            Console.WriteLine($"{"step",-40} {"wall s",8} {"our CPU s",10} {"s3rver CPU s",13}");
            foreach (Row row in _rows)
            {
                Console.WriteLine($"{row.Name,-40} {row.Seconds,8:0.00} {row.OwnCpu,10:0.00} {row.StoreCpu,13:0.00}");
            }
        }

        private sealed record Row(string Name, double Seconds, double OwnCpu, double StoreCpu);
    }
}
