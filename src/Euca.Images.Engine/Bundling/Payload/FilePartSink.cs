using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>
    /// Writes parts as files in a directory. Each part is written under a temporary name and renamed when it is
    /// complete, so a part file under its real name is never half written; <see cref="AbortAsync"/> removes the
    /// parts already written as well as the one in progress.
    /// </summary>
    public sealed class FilePartSink : IPartSink
    {
        private readonly string directory;
        private readonly List<string> completed = new List<string>();
        private FileStream? current;
        private string? currentTempPath;

        public FilePartSink(string directory)
        {
            this.directory = directory ?? throw new ArgumentNullException(nameof(directory));
        }

        public Task<Stream> BeginPartAsync(int index, string fileName, CancellationToken ct)
        {
            Directory.CreateDirectory(directory);
            currentTempPath = Path.Combine(directory, "." + fileName + ".partial");
            current = new FileStream(currentTempPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
            return Task.FromResult<Stream>(current);
        }

        public Task CompletePartAsync(PayloadPart part, CancellationToken ct)
        {
            string finalPath = Path.Combine(directory, part.FileName);
            current!.Dispose();
            current = null;
            if (File.Exists(finalPath))
            {
                File.Delete(finalPath);
            }
            File.Move(currentTempPath!, finalPath);
            currentTempPath = null;
            completed.Add(finalPath);
            return Task.CompletedTask;
        }

        public Task FinishAsync(CancellationToken ct) => Task.CompletedTask;

        public Task AbortAsync()
        {
            current?.Dispose();
            current = null;
            if (currentTempPath != null)
            {
                TryDelete(currentTempPath);
                currentTempPath = null;
            }
            foreach (string path in completed)
            {
                TryDelete(path);
            }
            completed.Clear();
            return Task.CompletedTask;
        }

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Best effort: the original failure is what the caller needs to see.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
