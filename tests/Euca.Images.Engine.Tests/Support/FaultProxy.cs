using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>What the proxy does with one request.</summary>
    public enum FaultKind
    {
        /// <summary>Forward to the object store.</summary>
        None,

        /// <summary>Read the request, then close the connection without an answer.</summary>
        Drop,

        /// <summary>Read the request, then reset the connection (TCP RST).</summary>
        Reset,

        /// <summary>Answer with an S3-style error of the given status.</summary>
        Status,

        /// <summary>Hold the connection without answering (until the client times out).</summary>
        Stall,

        /// <summary>Forward with one byte of the body flipped.</summary>
        CorruptBody,

        /// <summary>Forward, then pass on only half of the answer before closing.</summary>
        TruncateResponse,

        /// <summary>Wait a little, then forward (slows the store down).</summary>
        Delay,

        /// <summary>Forward, pass on half of the answer, then hold the connection with no more bytes (a stalled transfer).</summary>
        StallMidResponse,
    }

    public sealed class Fault
    {
        public static readonly Fault None = new Fault(FaultKind.None);

        public Fault(FaultKind kind, int status = 0, TimeSpan? time = null)
        {
            Kind = kind;
            StatusCode = status;
            Time = time ?? TimeSpan.FromSeconds(30);
        }

        public FaultKind Kind { get; }

        public int StatusCode { get; }

        public TimeSpan Time { get; }

        public static Fault Http(int status) => new Fault(FaultKind.Status, status);

        public override string ToString() => Kind == FaultKind.Status ? "HTTP " + StatusCode : Kind.ToString();
    }

    /// <summary>One request the proxy saw: its sequence number (from 1), method, path and what was done to it.</summary>
    public sealed record ProxiedRequest(int Number, string Method, string Path, Fault Fault);

    /// <summary>
    /// An HTTP/1.1 forwarding proxy on 127.0.0.1 between the engine and s3rver that injects faults by a deterministic
    /// schedule (a function of the request's number, method and path). Each client connection carries one request
    /// and is closed after the answer, which keeps forwarding simple and fault injection per request exact.
    /// </summary>
    public sealed class FaultProxy : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly int _upstreamPort;
        private readonly Func<int, string, string, Fault> _schedule;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly ConcurrentQueue<ProxiedRequest> _log = new ConcurrentQueue<ProxiedRequest>();
        private int _count;

        public FaultProxy(int upstreamPort, Func<int, string, string, Fault> schedule)
        {
            _upstreamPort = upstreamPort;
            _schedule = schedule;
            _listener.Start();
            Task.Run(AcceptLoopAsync);
        }

        public Uri Url => new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

        public IReadOnlyList<ProxiedRequest> Requests => _log.ToList();

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }

        private async Task AcceptLoopAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception) when (_stop.IsCancellationRequested)
                {
                    return;
                }
                catch (SocketException)
                {
                    continue;
                }

                _ = Task.Run(() => HandleAsync(client));
            }
        }

        private async Task HandleAsync(TcpClient client)
        {
            using (client)
            {
                try
                {
                    await ServeAsync(client).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException || e is SocketException || e is OperationCanceledException || e is ObjectDisposedException)
                {
                    // The client gave up (timeout, cancellation): nothing to forward.
                }
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            NetworkStream stream = client.GetStream();
            (string head, byte[] rest)? request = await ReadHeadAsync(stream).ConfigureAwait(false);
            if (request == null)
            {
                return;
            }

            string[] lines = request.Value.head.Split(new[] { "\r\n" }, StringSplitOptions.None);
            string[] first = lines[0].Split(' ');
            var headers = lines.Skip(1).Where(l => l.Length > 0).ToList();
            long length = long.Parse(Header(headers, "Content-Length") ?? "0");
            bool expectContinue = string.Equals(Header(headers, "Expect"), "100-continue", StringComparison.OrdinalIgnoreCase);

            int number = Interlocked.Increment(ref _count);
            Fault fault = _schedule(number, first[0], first[1]);
            _log.Enqueue(new ProxiedRequest(number, first[0], first[1], fault));

            if (expectContinue)
            {
                await WriteAsync(stream, "HTTP/1.1 100 Continue\r\n\r\n").ConfigureAwait(false);
            }

            byte[] body = await ReadBodyAsync(stream, request.Value.rest, length).ConfigureAwait(false);
            switch (fault.Kind)
            {
                case FaultKind.Drop:
                    return;
                case FaultKind.Reset:
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Client.Close();
                    return;
                case FaultKind.Status:
                    string xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{(fault.StatusCode == 503 ? "SlowDown" : fault.StatusCode >= 500 ? "InternalError" : "AccessDenied")}</Code><Message>injected by the test proxy</Message></Error>";
                    await WriteAsync(stream, $"HTTP/1.1 {fault.StatusCode} Injected\r\nContent-Type: application/xml\r\nContent-Length: {Encoding.UTF8.GetByteCount(xml)}\r\nConnection: close\r\n\r\n{xml}").ConfigureAwait(false);
                    return;
                case FaultKind.Stall:
                    await Task.Delay(fault.Time, _stop.Token).ConfigureAwait(false);
                    return;
                case FaultKind.CorruptBody when body.Length > 0:
                    body[body.Length / 2] ^= 0xFF;
                    break;
                case FaultKind.Delay:
                    await Task.Delay(fault.Time, _stop.Token).ConfigureAwait(false);
                    break;
            }

            await ForwardAsync(stream, lines[0], headers, body, fault).ConfigureAwait(false);
        }

        private async Task ForwardAsync(NetworkStream client, string requestLine, List<string> headers, byte[] body, Fault fault)
        {
            using (var upstream = new TcpClient())
            {
                await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort).ConfigureAwait(false);
                NetworkStream server = upstream.GetStream();
                var head = new StringBuilder(requestLine).Append("\r\n");
                foreach (string header in headers.Where(h => !IsHeader(h, "Expect") && !IsHeader(h, "Connection")))
                {
                    head.Append(header).Append("\r\n");
                }

                head.Append("Connection: close\r\n\r\n");
                await WriteAsync(server, head.ToString()).ConfigureAwait(false);
                await server.WriteAsync(body, 0, body.Length, _stop.Token).ConfigureAwait(false);

                using (var answer = new MemoryStream())
                {
                    await server.CopyToAsync(answer, 81920, _stop.Token).ConfigureAwait(false);
                    byte[] bytes = answer.ToArray();
                    bool half = fault.Kind == FaultKind.TruncateResponse || fault.Kind == FaultKind.StallMidResponse;
                    await client.WriteAsync(bytes, 0, half ? bytes.Length / 2 : bytes.Length, _stop.Token).ConfigureAwait(false);
                    if (fault.Kind == FaultKind.StallMidResponse)
                    {
                        await Task.Delay(fault.Time, _stop.Token).ConfigureAwait(false);
                    }
                }
            }
        }

        private static async Task<(string, byte[])?> ReadHeadAsync(NetworkStream stream)
        {
            var buffer = new MemoryStream();
            var chunk = new byte[8192];
            while (true)
            {
                int n = await stream.ReadAsync(chunk, 0, chunk.Length).ConfigureAwait(false);
                if (n == 0)
                {
                    return null;
                }

                buffer.Write(chunk, 0, n);
                byte[] all = buffer.ToArray();
                int end = IndexOf(all, Encoding.ASCII.GetBytes("\r\n\r\n"));
                if (end >= 0)
                {
                    return (Encoding.ASCII.GetString(all, 0, end), all.Skip(end + 4).ToArray());
                }
            }
        }

        private static async Task<byte[]> ReadBodyAsync(NetworkStream stream, byte[] already, long length)
        {
            var body = new byte[length];
            int have = (int)Math.Min(already.Length, length);
            Array.Copy(already, body, have);
            while (have < length)
            {
                int n = await stream.ReadAsync(body, have, (int)(length - have)).ConfigureAwait(false);
                if (n == 0)
                {
                    throw new IOException("The client closed the connection mid-body.");
                }

                have += n;
            }

            return body;
        }

        private static string? Header(IEnumerable<string> headers, string name) =>
            headers.Where(h => IsHeader(h, name)).Select(h => h.Substring(h.IndexOf(':') + 1).Trim()).FirstOrDefault();

        private static bool IsHeader(string line, string name) => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase);

        private Task WriteAsync(Stream stream, string text)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            return stream.WriteAsync(bytes, 0, bytes.Length, _stop.Token);
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (int i = 0; i + needle.Length <= haystack.Length; i++)
            {
                bool match = true;
                for (int j = 0; j < needle.Length && match; j++)
                {
                    match = haystack[i + j] == needle[j];
                }

                if (match)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
