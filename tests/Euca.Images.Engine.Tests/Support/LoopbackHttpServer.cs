using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// An HttpListener on a free 127.0.0.1 port serving each request with <see cref="Serve"/> until disposed. A client
    /// that gives up mid-response (the timeout tests) is not an error.
    /// </summary>
    internal abstract class LoopbackHttpServer : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly Task _loop;

        protected LoopbackHttpServer()
        {
            Url = new Uri($"http://127.0.0.1:{FreePort()}/");
            _listener.Prefixes.Add(Url.ToString());
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public Uri Url { get; }

        public static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        public void Dispose()
        {
            _listener.Close();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
            }
        }

        protected abstract void Serve(HttpListenerContext context);

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException || e is ObjectDisposedException)
                {
                    return;
                }

                try
                {
                    Serve(context);
                }
                catch (Exception e) when (e is HttpListenerException || e is IOException || e is ObjectDisposedException)
                {
                }
            }
        }
    }
}
