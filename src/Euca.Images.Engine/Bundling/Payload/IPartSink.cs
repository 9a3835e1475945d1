using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>
    /// Receives the parts as the payload writer produces them, one at a time and in order: to files
    /// (<see cref="FilePartSink"/>) or, for example, to object storage while bundling continues.
    /// </summary>
    public interface IPartSink
    {
        /// <summary>Starts a part; the writer writes its bytes to the returned stream, which the sink owns.</summary>
        Task<Stream> BeginPartAsync(int index, string fileName, CancellationToken ct);

        /// <summary>The current part is complete (its size and SHA-1 are known): close and publish it.</summary>
        Task CompletePartAsync(PayloadPart part, CancellationToken ct);

        /// <summary>All parts are complete; returns when the sink has finished with them (e.g. pending uploads).</summary>
        Task FinishAsync(CancellationToken ct);

        /// <summary>The payload failed or was cancelled: remove everything written so far. Must not throw.</summary>
        Task AbortAsync();
    }
}
