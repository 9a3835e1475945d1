using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// Seeded mutation fuzzing: each input is a valid seed input changed by one to four mutations (bit flips, random
    /// or boundary bytes, deletions, insertions, duplicated or spliced ranges, tokens of the format, truncation). The
    /// same seed gives the same inputs, so a failure names the seed and the input's number and can be replayed.
    /// </summary>
    public sealed class MutationFuzzer
    {
        private static readonly byte[] Boundary = { 0, 0x7f, 0x80, 0xff, (byte)'0', (byte)'9', (byte)' ', (byte)'\n', (byte)'<', (byte)'>', (byte)'"', (byte)'=', (byte)'$', (byte)'\'' };
        private readonly Random _random;
        private readonly IReadOnlyList<byte[]> _seeds;
        private readonly IReadOnlyList<byte[]> _tokens;

        public MutationFuzzer(int seed, IReadOnlyList<byte[]> seeds, IEnumerable<string>? tokens = null)
        {
            _random = new Random(seed);
            _seeds = seeds;
            _tokens = (tokens ?? Enumerable.Empty<string>()).Select(Encoding.UTF8.GetBytes).ToList();
        }

        public byte[] Next()
        {
            var data = new List<byte>(_seeds[_random.Next(_seeds.Count)]);
            int mutations = 1 + _random.Next(4);
            for (int i = 0; i < mutations; i++)
            {
                Mutate(data);
            }
            return data.ToArray();
        }

        private void Mutate(List<byte> data)
        {
            int at = data.Count == 0 ? 0 : _random.Next(data.Count);
            switch (_random.Next(9))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << _random.Next(8));
                    break;
                case 1 when data.Count > 0:
                    data[at] = _random.Next(2) == 0 ? Boundary[_random.Next(Boundary.Length)] : (byte)_random.Next(256);
                    break;
                case 2 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(data.Count - at, 1 + _random.Next(64)));
                    break;
                case 3:
                    data.InsertRange(at, Enumerable.Range(0, 1 + _random.Next(16)).Select(_ => (byte)_random.Next(256)));
                    break;
                case 4 when data.Count > 0:
                    int length = Math.Min(data.Count - at, 1 + _random.Next(512));
                    data.InsertRange(_random.Next(data.Count), data.GetRange(at, length));
                    break;
                case 5 when _tokens.Count > 0:
                    data.InsertRange(at, _tokens[_random.Next(_tokens.Count)]);
                    break;
                case 6 when data.Count > 0:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 7:
                    byte[] other = _seeds[_random.Next(_seeds.Count)];
                    int from = _random.Next(other.Length);
                    data.InsertRange(at, other.Skip(from).Take(1 + _random.Next(256)));
                    break;
                default:
                    if (data.Count > 0) data[at] = (byte)_random.Next(256);
                    break;
            }
        }

        /// <summary>
        /// Feeds <paramref name="count"/> mutated inputs to <paramref name="read"/>. Each must be read, or refused with an
        /// <see cref="EucaException"/> whose id is one of <paramref name="refusals"/>; any other exception, an input that
        /// allocates more than <paramref name="maxBytesPerInput"/> on the reading thread, or a run longer than
        /// <paramref name="timeLimit"/> (a hang) fails the test with the seed and the input's number.
        /// </summary>
        public static void Run(string reader, int seed, IReadOnlyList<byte[]> seeds, IEnumerable<string>? tokens, int count,
            Action<byte[]> read, IReadOnlyCollection<string> refusals, long maxBytesPerInput, TimeSpan timeLimit)
        {
            var fuzzer = new MutationFuzzer(seed, seeds, tokens);
            var failures = new List<string>();
            int parsed = 0;
            int done = 0;
            var watch = Stopwatch.StartNew();
            Task run = Task.Factory.StartNew(() =>
            {
                for (int i = 0; i < count && failures.Count < 5; i++)
                {
                    byte[] input = fuzzer.Next();
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    try
                    {
                        read(input);
                        parsed++;
                    }
                    catch (EucaException e) when (refusals.Contains(e.ErrorId))
                    {
                    }
                    catch (Exception e)
                    {
                        failures.Add($"{reader} seed {seed} input {i}: {e.GetType().FullName}: {e.Message} (input base64 {Convert.ToBase64String(input.Take(4096).ToArray())})");
                    }
                    long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    if (allocated > maxBytesPerInput)
                    {
                        failures.Add($"{reader} seed {seed} input {i}: allocated {allocated} bytes");
                    }
                    done = i + 1;
                }
            }, TaskCreationOptions.LongRunning);

            Assert.True(run.Wait(timeLimit), $"{reader}: no result after {timeLimit} ({done} of {count} inputs done, seed {seed}): an input hangs the reader.");
            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
            Assert.Equal(count, done);
            // A fuzzer whose inputs are all refused tests only the first check; real variety reaches the parser's end.
            Assert.True(parsed > 0 || count < 100, $"{reader}: none of {count} inputs was read successfully; the mutations are too destructive.");
        }
    }
}
