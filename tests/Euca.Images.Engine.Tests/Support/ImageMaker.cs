using System;
using System.IO;
using System.Text;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>Deterministic test images: runs of random bytes, zeros and text.</summary>
    public static class ImageMaker
    {
        public static byte[] Mixed(int size, int seed)
        {
            var random = new Random(seed);
            var data = new byte[size];
            byte[] text = Encoding.ASCII.GetBytes("The quick brown fox jumps over the lazy dog; Eucalyptus bundles images. ");
            int pos = 0;
            int kind = 0;
            while (pos < size)
            {
                int run = Math.Min(size - pos, random.Next(1, 300_000));
                switch (kind++ % 3)
                {
                    case 0:
                        random.NextBytes(data.AsSpan(pos, run));
                        break;
                    case 1:
                        break; // zeros
                    default:
                        for (int i = 0; i < run; i++) data[pos + i] = text[(pos + i) % text.Length];
                        break;
                }
                pos += run;
            }
            return data;
        }

        public static string Write(string path, byte[] data)
        {
            File.WriteAllBytes(path, data);
            return path;
        }
    }
}
