using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Crypto;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>
    /// Cuts the ciphertext into consecutive parts of the part size and hashes each. A part is started only when
    /// there are bytes for it, so (like ec2-ami-tools, unlike euca2ools) there is never an empty last part.
    /// </summary>
    internal sealed class PartSplitter : IDisposable
    {
        private readonly IPartSink sink;
        private readonly string prefix;
        private readonly long partSize;
        private readonly List<PayloadPart> parts = new List<PayloadPart>();
        private readonly IncrementalHash sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        private Stream? current;
        private long currentLength;

        public PartSplitter(IPartSink sink, string prefix, long partSize)
        {
            this.sink = sink;
            this.prefix = prefix;
            this.partSize = partSize;
        }

        public long TotalLength { get; private set; }

        public async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct)
        {
            while (count > 0)
            {
                if (current == null)
                {
                    current = await sink.BeginPartAsync(parts.Count, PayloadPart.NameFor(prefix, parts.Count), ct).ConfigureAwait(false);
                    currentLength = 0;
                }
                int n = (int)Math.Min(count, partSize - currentLength);
                await current.WriteAsync(buffer, offset, n, ct).ConfigureAwait(false);
                sha1.AppendData(buffer, offset, n);
                currentLength += n;
                TotalLength += n;
                offset += n;
                count -= n;
                if (currentLength == partSize)
                {
                    await CompleteCurrentAsync(ct).ConfigureAwait(false);
                }
            }
        }

        public async Task<IReadOnlyList<PayloadPart>> FinishAsync(CancellationToken ct)
        {
            if (current != null)
            {
                await CompleteCurrentAsync(ct).ConfigureAwait(false);
            }
            return parts;
        }

        private async Task CompleteCurrentAsync(CancellationToken ct)
        {
            await current!.FlushAsync(ct).ConfigureAwait(false);
            var part = new PayloadPart(parts.Count, PayloadPart.NameFor(prefix, parts.Count), currentLength, HexEncoding.ToLowerHex(sha1.GetHashAndReset()));
            current = null;
            await sink.CompletePartAsync(part, ct).ConfigureAwait(false);
            parts.Add(part);
        }

        public void Dispose() => sha1.Dispose();
    }
}
