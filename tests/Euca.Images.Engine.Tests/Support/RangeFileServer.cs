using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>What the server does to one request, chosen by its number (from 1).</summary>
    internal sealed record RangeFault(int Status = 0, long? DropAfter = null, TimeSpan? StallAfterHalf = null);

    /// <summary>One request as the server saw it: its Range and If-Range headers and the status it answered.</summary>
    internal sealed record RangeRequest(int Number, string Path, string? Range, string? IfRange, int Status);

    /// <summary>
    /// A static file server on loopback that answers Range requests as a web server does (206 with Content-Range, a
    /// strong ETag, If-Range: the whole new file when the ETag no longer matches, 416 past the end), counts the body
    /// bytes it sends, and injects faults per request: an HTTP status, a connection dropped after N bytes, or a stall.
    /// </summary>
    internal sealed class RangeFileServer : LoopbackHttpServer
    {
        private readonly ConcurrentDictionary<string, (byte[] Body, string ETag)> _files = new ConcurrentDictionary<string, (byte[], string)>();
        private readonly ConcurrentQueue<RangeRequest> _log = new ConcurrentQueue<RangeRequest>();
        private int _count;
        private long _bytesSent;

        public Func<int, RangeFault?> Faults { get; set; } = _ => null;

        public long BytesSent => Interlocked.Read(ref _bytesSent);

        public IReadOnlyList<RangeRequest> Requests => _log.OrderBy(r => r.Number).ToList();

        /// <summary>Serves (or replaces) a file; a changed body gets a new ETag.</summary>
        public Uri Put(string name, byte[] body)
        {
            _files[name] = (body, "\"" + Convert.ToHexString(SHA256.HashData(body)).Substring(0, 16).ToLowerInvariant() + "\"");
            return new Uri(Url, name);
        }

        /// <summary>Each request on its own task, so a stalled answer does not hold up the client's retry.</summary>
        protected override void Serve(HttpListenerContext context) => Task.Run(() =>
        {
            try
            {
                ServeOne(context);
            }
            catch (Exception e) when (e is HttpListenerException || e is IOException || e is ObjectDisposedException)
            {
                // The client gave up on this answer.
            }
        });

        private void ServeOne(HttpListenerContext context)
        {
            int number = Interlocked.Increment(ref _count);
            HttpListenerRequest request = context.Request;
            HttpListenerResponse response = context.Response;
            string path = request.Url!.AbsolutePath.TrimStart('/');
            string? range = request.Headers["Range"];
            string? ifRange = request.Headers["If-Range"];
            RangeFault? fault = Faults(number);
            int status = Answer(path, range, ifRange, fault, out byte[] body, out long start);
            _log.Enqueue(new RangeRequest(number, path, range, ifRange, status));
            response.StatusCode = status;
            if (status != 200 && status != 206)
            {
                response.Close();
                return;
            }

            response.Headers["ETag"] = _files[path].ETag;
            response.Headers["Accept-Ranges"] = "bytes";
            if (status == 206)
            {
                response.Headers["Content-Range"] = $"bytes {start}-{body.Length - 1}/{body.Length}";
            }

            response.ContentLength64 = body.Length - start;
            long limit = fault?.DropAfter ?? (fault?.StallAfterHalf != null ? (body.Length - start) / 2 : long.MaxValue);
            long sent = 0;
            while (start + sent < body.Length && sent < limit)
            {
                int n = (int)Math.Min(Math.Min(16384, body.Length - start - sent), limit - sent);
                response.OutputStream.Write(body, (int)(start + sent), n);
                sent += n;
                Interlocked.Add(ref _bytesSent, n);
            }

            if (sent < body.Length - start)
            {
                response.OutputStream.Flush();
                if (fault?.StallAfterHalf is TimeSpan stall)
                {
                    Thread.Sleep(stall);
                }

                response.Abort();
                return;
            }

            response.Close();
        }

        private int Answer(string path, string? range, string? ifRange, RangeFault? fault, out byte[] body, out long start)
        {
            body = Array.Empty<byte>();
            start = 0;
            if (fault?.Status > 0)
            {
                return fault.Status;
            }

            if (!_files.TryGetValue(path, out var file))
            {
                return 404;
            }

            body = file.Body;
            if (range is null || !range.StartsWith("bytes=", StringComparison.Ordinal) || (ifRange != null && ifRange != file.ETag))
            {
                return 200;
            }

            start = long.Parse(range.Substring(6).TrimEnd('-'));
            return start >= body.Length ? 416 : 206;
        }
    }
}
