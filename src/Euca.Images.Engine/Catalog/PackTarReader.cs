using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// Reads named small members from the start of a euimage pack's tar without reading the rest: euca2ools writes
    /// pack-md.yml and image-md.yml before image.xz, so Find stops before the image. Understands ustar, GNU long names
    /// and pax headers (Python's tarfile writes either), and base-256 sizes; every header's checksum is verified. A
    /// member that is not wanted is skipped by seeking in a file; in a download, a large one (an image.xz stored
    /// before the metadata) is skipped with an HTTP Range request from the header after it, since its header gives
    /// its size; only a server that ignores ranges makes that a refusal.
    /// </summary>
    internal sealed class PackTarReader : IDisposable
    {
        private const int BlockSize = CatalogTarHeader.BlockSize;
        private const int MaxHeaders = 64;

        private readonly CatalogFetcher _fetcher;
        private readonly CatalogSource _source;
        private readonly long _maxMemberBytes;
        private FetchedDocument _document;
        private FetchedDocument? _reopened;
        private byte[]? _pendingBlock;
        private long _position;

        public PackTarReader(CatalogFetcher fetcher, FetchedDocument document, byte[] firstBlock, CatalogSource source, long maxMemberBytes)
        {
            _fetcher = fetcher;
            _document = document;
            _pendingBlock = firstBlock;
            _source = source;
            _maxMemberBytes = maxMemberBytes;
        }

        public void Dispose() => _reopened?.Dispose();

        public async Task<IReadOnlyDictionary<string, byte[]>> ReadAsync(IReadOnlyCollection<string> wanted)
        {
            var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var extended = new TarExtendedHeaders();
            for (int headers = 0; headers < MaxHeaders && found.Count < wanted.Count; headers++)
            {
                byte[] block = await NextBlockAsync().ConfigureAwait(false);
                if (block.Length < BlockSize || CatalogTarHeader.IsEnd(block))
                {
                    break;
                }

                var header = CatalogTarHeader.Parse(block, Damaged);
                if (header.IsExtension)
                {
                    extended.Take(header, await ReadMemberAsync(header.Size, "a tar extension header").ConfigureAwait(false), Damaged);
                    continue;
                }

                (string name, long size) = extended.ApplyTo(header);
                name = NormalizeName(name);
                if (header.IsRegularFile && wanted.Contains(name))
                {
                    found[name] = await ReadMemberAsync(size, name).ConfigureAwait(false);
                }
                else
                {
                    await SkipAsync(name, size).ConfigureAwait(false);
                }
            }

            return found;
        }

        private async Task<byte[]> NextBlockAsync()
        {
            if (_pendingBlock != null)
            {
                byte[] block = _pendingBlock;
                _pendingBlock = null;
                _position += block.Length;
                return block;
            }

            byte[] next = await CatalogFetcher.ReadUpToAsync(_document, BlockSize).ConfigureAwait(false);
            _position += next.Length;
            return next;
        }

        private async Task<byte[]> ReadMemberAsync(long size, string what)
        {
            if (size > _maxMemberBytes)
            {
                throw CatalogFetcher.TooLarge(_document.Uri, $"pack's {what}", _maxMemberBytes);
            }

            byte[] data = await CatalogFetcher.ReadUpToAsync(_document, (int)Padded(size)).ConfigureAwait(false);
            _position += data.Length;
            if (data.Length < size)
            {
                throw Damaged($"it ends inside {what}");
            }

            return data.Take((int)size).ToArray();
        }

        private async Task SkipAsync(string name, long size)
        {
            if (_document.Body.CanSeek)
            {
                _document.Body.Seek(Padded(size), SeekOrigin.Current);
                return;
            }

            if (size > _maxMemberBytes)
            {
                FetchedDocument rest = await _fetcher.ReopenAtAsync(_document, _position + Padded(size)).ConfigureAwait(false)
                    ?? throw JsonCatalogReader.Invalid(_source, $"stores '{name}' ({size} bytes) before its metadata, which euca2ools writes first, and its server ignores HTTP ranges; download the pack and read it with -Path", null);
                // Closing the body being skipped ends its connection, so the server stops sending the image.
                _document.Body.Dispose();
                _reopened?.Dispose();
                _reopened = _document = rest;
                _position += Padded(size);
                return;
            }

            await ReadMemberAsync(size, name).ConfigureAwait(false);
        }

        private EucaException Damaged(string problem) => JsonCatalogReader.Invalid(_source, $"is a damaged euimage pack: {problem}", null);

        private static long Padded(long size) => size + CatalogTarHeader.PaddingOf(size);

        private static string NormalizeName(string name) => name.StartsWith("./", StringComparison.Ordinal) ? name.Substring(2) : name;
    }
}
