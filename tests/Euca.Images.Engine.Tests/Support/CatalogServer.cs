using System;
using System.Collections.Concurrent;
using System.IO;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Threading;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// Serves catalogs, meta documents and packs by path on 127.0.0.1, with the misbehaviour a test asks for: a path
    /// that answers only after a delay or stalls after its first chunk (the timeout tests), a gzip-encoded body, or an
    /// error status. Counts the bytes it managed to send of
    /// each path, so a test can tell that a client stopped reading early.
    /// </summary>
    internal sealed class CatalogServer : LoopbackHttpServer
    {
        private readonly ConcurrentDictionary<string, byte[]> _files = new ConcurrentDictionary<string, byte[]>();
        private readonly ConcurrentDictionary<string, TimeSpan> _delays = new ConcurrentDictionary<string, TimeSpan>();
        private readonly ConcurrentDictionary<string, int> _statuses = new ConcurrentDictionary<string, int>();
        private readonly ConcurrentDictionary<string, TimeSpan> _stalls = new ConcurrentDictionary<string, TimeSpan>();
        private readonly ConcurrentDictionary<string, bool> _gzipped = new ConcurrentDictionary<string, bool>();

        public ConcurrentDictionary<string, long> BytesSent { get; } = new ConcurrentDictionary<string, long>();

        public Uri Add(string path, string text) => Add(path, Encoding.UTF8.GetBytes(text));

        public Uri Add(string path, byte[] content)
        {
            _files["/" + path] = content;
            return new Uri(Url, path);
        }

        public Uri Delay(string path, TimeSpan delay)
        {
            _delays["/" + path] = delay;
            return new Uri(Url, path);
        }

        /// <summary>Sends the headers and the first chunk of <paramref name="path"/>, then nothing for <paramref name="stall"/>.</summary>
        public Uri Stall(string path, TimeSpan stall)
        {
            _stalls["/" + path] = stall;
            return new Uri(Url, path);
        }

        /// <summary>Sends <paramref name="content"/> gzip-compressed with <c>Content-Encoding: gzip</c>.</summary>
        public Uri AddGzipped(string path, byte[] content)
        {
            using var compressed = new MemoryStream();
            using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(content, 0, content.Length);
            }

            _gzipped["/" + path] = true;
            return Add(path, compressed.ToArray());
        }

        public Uri Fail(string path, int status)
        {
            _statuses["/" + path] = status;
            return new Uri(Url, path);
        }

        protected override void Serve(HttpListenerContext context)
        {
            string path = context.Request.Url!.AbsolutePath;
            if (_delays.TryGetValue(path, out TimeSpan delay))
            {
                Thread.Sleep(delay);
            }

            if (_statuses.TryGetValue(path, out int status) || !_files.TryGetValue(path, out byte[]? content))
            {
                context.Response.StatusCode = status == 0 ? 404 : status;
                context.Response.Close();
                return;
            }

            context.Response.ContentLength64 = content.Length;
            if (_gzipped.ContainsKey(path))
            {
                context.Response.AddHeader("Content-Encoding", "gzip");
            }

            const int chunk = 64 * 1024;
            for (int offset = 0; offset < content.Length; offset += chunk)
            {
                int count = Math.Min(chunk, content.Length - offset);
                context.Response.OutputStream.Write(content, offset, count);
                context.Response.OutputStream.Flush();
                BytesSent.AddOrUpdate(path, count, (_, sent) => sent + count);
                if (_stalls.TryGetValue(path, out TimeSpan stall))
                {
                    Thread.Sleep(stall);
                }
            }

            context.Response.Close();
        }
    }
}
