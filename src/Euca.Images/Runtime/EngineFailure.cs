using System;
using System.Management.Automation;

namespace Euca.Images.Runtime
{
    /// <summary>
    /// Carries the ErrorRecord of failed engine work out of <see cref="EucaCmdlet"/>'s bridge to the point where the
    /// cmdlet decides whether it terminates the command.
    /// </summary>
    internal sealed class EngineFailure : Exception
    {
        public EngineFailure(ErrorRecord errorRecord)
            : base(errorRecord.Exception.Message, errorRecord.Exception)
        {
            ErrorRecord = errorRecord;
        }

        public ErrorRecord ErrorRecord { get; }
    }
}
