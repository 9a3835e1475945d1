using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Progress;

namespace Euca.Images.Runtime
{
    /// <summary>
    /// Base of every Euca.Images cmdlet: one cancellation source per invocation (Ctrl+C cancels it), and a bridge
    /// that runs async engine work off the pipeline thread while the pipeline thread writes progress.
    /// </summary>
    public abstract class EucaCmdlet : PSCmdlet, IDisposable
    {
        // How often the pipeline thread wakes to write progress; about four times a second, as AWS.Tools does.
        private static readonly TimeSpan s_progressInterval = TimeSpan.FromMilliseconds(250);

        private CancellationTokenSource? _cancellation;

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline stops.</summary>
        protected CancellationToken StopToken => (_cancellation ??= new CancellationTokenSource()).Token;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            _cancellation ??= new CancellationTokenSource();
        }

        /// <inheritdoc />
        protected override void StopProcessing()
        {
            // Called on another thread: keep it to a cancel.
            _cancellation?.Cancel();
        }

        /// <inheritdoc />
        public void Dispose()
        {
            _cancellation?.Dispose();
            _cancellation = null;
        }

        /// <summary>
        /// Runs engine work on the thread pool and waits for it on the pipeline thread, writing its progress.
        /// Engine errors become terminating errors with the engine's error id; cancellation stops the pipeline.
        /// </summary>
        protected T RunEngine<T>(Func<IProgress<OperationProgress>, CancellationToken, Task<T>> work, object? errorTarget = null)
        {
            var pump = new ProgressPump(activityIdBase: Math.Abs(GetType().Name.GetHashCode()) % 100000);
            CancellationToken token = StopToken;

            // Task.Run: hosts other than the console may have a synchronization context on the pipeline thread, and
            // blocking on work captured by it would deadlock.
            IProgress<OperationProgress> progress = pump.Sink;
            Task<T> task = Task.Run(() => work(progress, token), token);
            try
            {
                while (!task.Wait(s_progressInterval))
                {
                    FlushUnlessStopping(pump, token);
                }

                FlushUnlessStopping(pump, token);
                return task.Result;
            }
            catch (AggregateException aggregate)
            {
                Exception inner = aggregate.Flatten().InnerExceptions.Count == 1 ? aggregate.Flatten().InnerException! : aggregate;
                throw Translate(inner, errorTarget, token);
            }
            finally
            {
                pump.Complete(this);
            }
        }

        /// <summary>
        /// A stopping pipeline throws on every write. Progress is skipped then, so the pipeline thread keeps waiting
        /// for the engine to finish removing what it made, instead of returning while the clean-up still runs.
        /// </summary>
        private void FlushUnlessStopping(ProgressPump pump, CancellationToken token)
        {
            if (!token.IsCancellationRequested)
            {
                pump.Flush(this);
            }
        }

        /// <summary>Runs engine work that returns nothing; see <see cref="RunEngine{T}"/>.</summary>
        protected void RunEngine(Func<IProgress<OperationProgress>, CancellationToken, Task> work, object? errorTarget = null)
        {
            RunEngine<bool>(async (progress, token) =>
            {
                await work(progress, token).ConfigureAwait(false);
                return true;
            }, errorTarget);
        }

        private Exception Translate(Exception exception, object? target, CancellationToken token)
        {
            // Once Ctrl+C has stopped the pipeline, whatever the engine ended with (cancellation, or a transfer that
            // failed because it was cancelled) is a stop: a stopping pipeline cannot write an error anyway, and the
            // caller's stop report must run.
            if (token.IsCancellationRequested)
            {
                return new PipelineStoppedException();
            }

            return new EngineFailure(ToErrorRecord(exception, target));
        }

        private static ErrorRecord ToErrorRecord(Exception exception, object? target) =>
            exception is EucaException euca ? ErrorRecords.From(euca) : ErrorRecords.Unexpected(exception, target);

        /// <summary>
        /// Runs <see cref="ProcessEucaRecord"/> and turns engine failures that it lets escape into terminating errors
        /// with their error ids. Sealed so that every cmdlet gets the same handling; per-item errors are written by the
        /// cmdlet itself, which catches <see cref="EngineFailure"/> around each item.
        /// </summary>
        protected sealed override void ProcessRecord()
        {
            try
            {
                ProcessEucaRecord();
            }
            catch (EngineFailure failure)
            {
                ThrowTerminatingError(failure.ErrorRecord);
            }
            catch (EucaException exception)
            {
                ThrowTerminatingError(ErrorRecords.From(exception));
            }
        }

        /// <summary>The cmdlet's work for one pipeline input (or the one invocation without pipeline input).</summary>
        protected abstract void ProcessEucaRecord();

        /// <summary>
        /// Writes what a Describe* query found, then one non-terminating error per id it could not describe (its id is
        /// the error's target): one bad id must not hide the others, and -ErrorAction decides what the errors do.
        /// </summary>
        protected void WriteListing<T>(ResourceListing<T> listing)
        {
            WriteObject(listing.Items, enumerateCollection: true);
            foreach (EucaException error in listing.Errors)
            {
                WriteError(ErrorRecords.From(error));
            }
        }

        /// <summary>
        /// Checks an id with the engine's rule before anything is asked or sent: a malformed id is a non-terminating
        /// error for that id (no confirmation prompt, no request), and the others go on.
        /// </summary>
        protected bool TryCheckId(Func<string?, string> check, string? id, out string canonical)
        {
            try
            {
                canonical = check(id);
                return true;
            }
            catch (EucaException invalid)
            {
                WriteError(ErrorRecords.From(invalid));
                canonical = string.Empty;
                return false;
            }
        }

        /// <summary>
        /// A file-system path as the engine needs it: a PowerShell path (relative to the current location, with
        /// ~ or a drive name) made absolute. The file need not exist yet, since outputs are named this way too.
        /// </summary>
        internal string ResolvePath(string path) => SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);

        /// <summary>
        /// The files an input is read from, as PowerShell's own file cmdlets name them: a -LiteralPath is taken as it
        /// is; a -Path may hold wildcards and names every file it matches. A path that matches nothing is passed on as
        /// it is, so the engine reports the missing file with its own error id.
        /// </summary>
        internal IReadOnlyList<string> ResolveInputPaths(string? path, string? literalPath)
        {
            if (literalPath != null)
            {
                return new[] { ResolvePath(literalPath) };
            }

            try
            {
                Collection<string> found = GetResolvedProviderPathFromPSPath(path, out _);
                return found.Count > 0 ? found : (IReadOnlyList<string>)new[] { ResolvePath(path!) };
            }
            catch (ItemNotFoundException)
            {
                return new[] { ResolvePath(path!) };
            }
        }

        /// <summary>
        /// The one file a cmdlet that reads a single file is given, as PowerShell's own file cmdlets name it: a
        /// -LiteralPath is taken as it is; a -Path with wildcards must match exactly one file (none or several is an
        /// error naming the pattern); a -Path without wildcards is returned resolved even when it does not exist, so
        /// the cmdlet reports the missing file with its own error id.
        /// </summary>
        internal string ResolveSingleInputPath(string? path, string? literalPath)
        {
            if (literalPath != null)
            {
                return ResolvePath(literalPath);
            }

            if (!WildcardPattern.ContainsWildcardCharacters(path))
            {
                return ResolvePath(path!);
            }

            Collection<string> found;
            try
            {
                found = GetResolvedProviderPathFromPSPath(path, out _);
            }
            catch (ItemNotFoundException)
            {
                found = new Collection<string>();
            }

            if (found.Count == 0)
            {
                throw NoFileMatches(path!);
            }

            if (found.Count > 1)
            {
                throw new EucaException(ErrorIds.PathMatchesSeveralFiles, EucaErrorCategory.InvalidArgument,
                    $"'{path}' matches {found.Count} files ({string.Join(", ", found)}); this cmdlet reads one. Narrow the pattern or pipe the files one by one.", path);
            }

            return found[0];
        }

        /// <summary>The error of a -Path pattern that matches no file.</summary>
        internal static EucaException NoFileMatches(string path) =>
            new EucaException(ErrorIds.PathMatchesNoFile, EucaErrorCategory.ObjectNotFound,
                $"No file matches '{path}'. Check the pattern; a name with [ or ] needs -LiteralPath.", path);
    }
}
