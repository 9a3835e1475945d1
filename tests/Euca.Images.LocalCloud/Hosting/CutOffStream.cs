namespace Euca.Images.LocalCloud.Hosting;

/// <summary>
/// A response body that passes on the first `limit` bytes, then aborts the connection: the client sees a body shorter
/// than its Content-Length, as when a mirror drops a download half way.
/// </summary>
internal sealed class CutOffStream(Stream inner, long limit, Action abort) : Stream
{
    private long written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => written; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int allowed = (int)Math.Min(buffer.Length, limit - written);
        if (allowed > 0)
        {
            await inner.WriteAsync(buffer[..allowed], cancellationToken);
            written += allowed;
        }

        if (allowed < buffer.Length)
        {
            await inner.FlushAsync(cancellationToken);
            // The abort resets the connection, and a reset discards what the client has not read yet: give it a moment.
            await Task.Delay(200, cancellationToken);
            abort();
            throw new OperationCanceledException("The test server cut the download off.");
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
