using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// A minimal path-style object store on 127.0.0.1 (bucket GET/PUT, object HEAD/GET/PUT/DELETE with MD5 ETags) whose
    /// failures a test can plant: the next N PUTs answer a given status, or PUTs return a wrong ETag.
    /// </summary>
    internal sealed class ObjectStoreLoopback : LoopbackHttpServer
    {
        private int _failuresLeft;

        /// <summary>Objects by "bucket/key".</summary>
        public ConcurrentDictionary<string, byte[]> Objects { get; } = new ConcurrentDictionary<string, byte[]>();

        public ConcurrentQueue<string> Puts { get; } = new ConcurrentQueue<string>();

        public int FailureStatus { get; set; } = 503;

        public bool CorruptETags { get; set; }

        public void FailNextPuts(int count, int status)
        {
            FailureStatus = status;
            Interlocked.Exchange(ref _failuresLeft, count);
        }

        protected override void Serve(HttpListenerContext context)
        {
            var request = context.Request;
            var response = context.Response;
            string path = Uri.UnescapeDataString(request.Url!.AbsolutePath.TrimStart('/'));
            byte[] body;
            using (var buffer = new MemoryStream())
            {
                request.InputStream.CopyTo(buffer);
                body = buffer.ToArray();
            }

            bool isBucket = !path.Contains("/");
            switch (request.HttpMethod)
            {
                case "PUT" when isBucket:
                    Reply(response, 200, "");
                    return;
                case "GET" when isBucket:
                    Reply(response, 200, "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>" + path + "</Name><IsTruncated>false</IsTruncated></ListBucketResult>");
                    return;
                case "PUT":
                    Puts.Enqueue(path);
                    if (Interlocked.Decrement(ref _failuresLeft) >= 0)
                    {
                        Reply(response, FailureStatus, "<Error><Code>" + (FailureStatus == 403 ? "AccessDenied" : "ServiceUnavailable") + "</Code><Message>planted</Message></Error>");
                        return;
                    }

                    Objects[path] = body;
                    using (var md5 = MD5.Create())
                    {
                        string etag = BitConverter.ToString(md5.ComputeHash(CorruptETags ? new byte[1] : body)).Replace("-", "").ToLowerInvariant();
                        response.Headers["ETag"] = "\"" + etag + "\"";
                    }

                    Reply(response, 200, "");
                    return;
                case "HEAD":
                    if (Objects.TryGetValue(path, out byte[]? stored))
                    {
                        response.StatusCode = 200;
                        response.ContentLength64 = stored.Length;
                        response.Close();
                    }
                    else
                    {
                        response.StatusCode = 404;
                        response.Close();
                    }

                    return;
                case "GET":
                    if (Objects.TryGetValue(path, out byte[]? data))
                    {
                        response.StatusCode = 200;
                        response.ContentLength64 = data.Length;
                        response.OutputStream.Write(data, 0, data.Length);
                        response.Close();
                    }
                    else
                    {
                        Reply(response, 404, "<Error><Code>NoSuchKey</Code><Message>missing</Message></Error>");
                    }

                    return;
                case "DELETE":
                    Objects.TryRemove(path, out _);
                    response.StatusCode = 204;
                    response.Close();
                    return;
                default:
                    Reply(response, 405, "");
                    return;
            }
        }

        private static void Reply(HttpListenerResponse response, int status, string xml)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(xml);
            response.StatusCode = status;
            response.ContentType = "application/xml";
            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes, 0, bytes.Length);
            response.Close();
        }
    }
}
