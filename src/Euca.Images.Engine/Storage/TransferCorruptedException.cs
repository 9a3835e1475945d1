using System;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// The server stored or sent bytes other than expected (ETag or length differs): a transfer fault that a new
    /// attempt usually fixes, so <see cref="RetryPolicy"/> retries it.
    /// </summary>
    internal sealed class TransferCorruptedException : Exception
    {
        public TransferCorruptedException(string message)
            : base(message)
        {
        }
    }
}
