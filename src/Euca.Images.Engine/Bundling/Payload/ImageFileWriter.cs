using System;
using System.IO;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>
    /// The destination of an expanded image: a temporary file in the destination directory (so the final rename
    /// stays on one file system) that becomes the image only on <see cref="Commit"/>; disposing without a commit
    /// deletes it, so a failed expansion leaves nothing behind. Pass <see cref="Stream"/> to
    /// <see cref="PayloadReader.ReadAsync"/>: it is a fresh seekable file, so zero blocks become holes.
    /// </summary>
    public sealed class ImageFileWriter : IDisposable
    {
        private readonly string tempPath;
        private readonly bool force;
        private FileStream? stream;
        private bool committed;

        private ImageFileWriter(string path, bool force)
        {
            Path = path;
            this.force = force;
            string directory = DestinationDirectory.Create(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            tempPath = System.IO.Path.Combine(directory, "." + System.IO.Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            stream = new FileStream(tempPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 1);
        }

        /// <summary>The final image path.</summary>
        public string Path { get; }

        public Stream Stream => stream ?? throw new ObjectDisposedException(nameof(ImageFileWriter));

        /// <exception cref="EucaException"><c>ImageExists</c> when the file exists and <paramref name="force"/> is false.</exception>
        public static ImageFileWriter Create(string path, bool force)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            EnsureWritable(path, force);
            return new ImageFileWriter(path, force);
        }

        /// <summary>Closes the temporary file and moves it to <see cref="Path"/>.</summary>
        public void Commit()
        {
            Stream.Flush();
            stream!.Dispose();
            stream = null;
            EnsureWritable(Path, force);
            if (File.Exists(Path))
            {
                File.Delete(Path);
            }
            File.Move(tempPath, Path);
            committed = true;
        }

        public void Dispose()
        {
            stream?.Dispose();
            stream = null;
            if (!committed)
            {
                try
                {
                    File.Delete(tempPath);
                }
                catch (IOException)
                {
                    // Best effort; the failure that got us here matters more.
                }
                catch (UnauthorizedAccessException)
                {
                }
            }
        }

        private static void EnsureWritable(string path, bool force)
        {
            if (Directory.Exists(path))
            {
                throw new EucaException(ErrorIds.ImageExists, EucaErrorCategory.ResourceExists, $"'{path}' is a directory.", path);
            }
            if (File.Exists(path) && !force)
            {
                throw new EucaException(ErrorIds.ImageExists, EucaErrorCategory.ResourceExists,
                    $"The image file '{path}' already exists; use force to overwrite it.", path);
            }
        }
    }
}
