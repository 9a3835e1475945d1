using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Files;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// A credentials archive from <c>euca_conf --get-credentials</c> (eucarc, iamrc, cloud-cert.pem, jssecacerts,
    /// euca2-USER-HEX-pk.pem, euca2-USER-HEX-cert.pem). The archive is read in memory; the eucarc is read from it
    /// there, and only the top-level PEM files are extracted, into a new directory with a random name under the temp
    /// directory that only the user can read (mode 700 on Unix), each within <see cref="MaxEntryBytes"/> and all within
    /// <see cref="MaxTotalBytes"/> of what they really inflate to, so a small hostile zip cannot fill the disk. Any
    /// failure removes the directory at once (it may already hold the private key). An archive that is corrupt, holds
    /// the same name twice or names an absolute path or a '..' segment is refused before anything is written.
    /// </summary>
    internal static class CredentialsZip
    {
        /// <summary>Real credentials zips are a few KiB; anything larger is not one.</summary>
        public const long MaxArchiveBytes = 1024 * 1024;

        /// <summary>A PEM key or certificate, or a eucarc, is a few KiB.</summary>
        public const long MaxEntryBytes = 256 * 1024;

        public const long MaxTotalBytes = 1024 * 1024;

        /// <summary>False also for a file that cannot be opened: reading it as a eucarc then reports why.</summary>
        public static bool IsZip(string path)
        {
            try
            {
                using (var stream = RegularFile.OpenRead(path))
                {
                    var magic = new byte[4];
                    return stream.Read(magic, 0, 4) == 4 && magic[0] == (byte)'P' && magic[1] == (byte)'K' && magic[2] == 3 && magic[3] == 4;
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                return false;
            }
        }

        public static ExtractedCredentials Extract(string zipPath, string tempDirectory)
        {
            byte[] bytes = ReadArchive(zipPath);
            try
            {
                using (var archive = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read))
                {
                    CheckEntries(archive, zipPath);
                    var eucarc = archive.Entries.FirstOrDefault(e => e.FullName == "eucarc")
                        ?? throw Invalid(zipPath, "has no top-level 'eucarc' file");
                    var budget = new long[] { MaxTotalBytes };
                    IReadOnlyList<string> lines = ConfigurationFile.Lines(Inflate(eucarc, zipPath, budget));
                    var directory = CreatePrivateDirectory(tempDirectory);
                    try
                    {
                        foreach (var entry in archive.Entries.Where(e => e.FullName.IndexOf('/') < 0 && e.FullName.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)))
                        {
                            byte[] content = Inflate(entry, zipPath, budget);
                            using (var output = new FileStream(Path.Combine(directory, entry.FullName), FileMode.CreateNew, FileAccess.Write))
                            {
                                output.Write(content, 0, content.Length);
                            }
                        }
                    }
                    catch
                    {
                        Directory.Delete(directory, recursive: true);
                        throw;
                    }

                    DeleteAtExit(directory);
                    return new ExtractedCredentials(directory, lines);
                }
            }
            catch (InvalidDataException e)
            {
                throw Invalid(zipPath, "is not a readable zip archive (" + e.Message + ")", e);
            }
            catch (IOException e)
            {
                throw new EucaException(ErrorIds.CredentialsExtractionFailed, EucaErrorCategory.InvalidOperation,
                    $"The credentials in '{zipPath}' cannot be extracted: {e.Message}", zipPath, e);
            }
        }

        private static byte[] ReadArchive(string zipPath)
        {
            try
            {
                return RegularFile.ReadAllBytes(zipPath, MaxArchiveBytes);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw Invalid(zipPath, "cannot be read: " + e.Message, e);
            }
        }

        private static void CheckEntries(ZipArchive archive, string zipPath)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in archive.Entries)
            {
                if (IsUnsafe(entry.FullName))
                {
                    throw new EucaException(
                        ErrorIds.CredentialsArchiveUnsafe,
                        EucaErrorCategory.SecurityError,
                        $"The credentials archive '{zipPath}' contains the entry '{entry.FullName}', which points outside the extraction directory; the archive was not used.",
                        zipPath);
                }

                // Which copy of a doubled name is used would depend on the reader; a genuine archive has none.
                if (!seen.Add(entry.FullName))
                {
                    throw Invalid(zipPath, $"holds the entry '{entry.FullName}' twice");
                }
            }
        }

        /// <summary>The entry's bytes, counted as they inflate (the sizes the archive declares may lie).</summary>
        private static byte[] Inflate(ZipArchiveEntry entry, string zipPath, long[] budget)
        {
            long limit = Math.Min(MaxEntryBytes, budget[0]);
            using (var input = entry.Open())
            using (var output = new MemoryStream())
            {
                var buffer = new byte[8192];
                int read;
                while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
                {
                    if (output.Length + read > limit)
                    {
                        throw Invalid(zipPath, $"holds the entry '{entry.FullName}', which inflates to more than {limit} bytes; no credentials file is that large");
                    }

                    output.Write(buffer, 0, read);
                }

                budget[0] -= output.Length;
                return output.ToArray();
            }
        }

        private static EucaException Invalid(string zipPath, string problem, Exception? inner = null) =>
            new EucaException(ErrorIds.CredentialsArchiveInvalid, EucaErrorCategory.InvalidData,
                $"The credentials archive '{zipPath}' {problem}.", zipPath, inner);

        private static bool IsUnsafe(string name)
        {
            if (name.StartsWith("/", StringComparison.Ordinal) || name.StartsWith("\\", StringComparison.Ordinal)
                || (name.Length >= 2 && name[1] == ':'))
            {
                return true;
            }

            return name.Split('/', '\\').Any(segment => segment == "..");
        }

        /// <summary>
        /// The folder holds a private key. A connection deletes it when disposed, but a session's connection may still
        /// be referenced by the user after Disconnect-EucaCloud, so the process's exit is the last chance.
        /// </summary>
        private static void DeleteAtExit(string directory)
        {
            AppDomain.CurrentDomain.ProcessExit += (sender, args) =>
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }
            };
        }

        private static string CreatePrivateDirectory(string tempDirectory)
        {
            var bytes = new byte[12];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            var path = Path.Combine(tempDirectory, "euca-credentials-" + BitConverter.ToString(bytes).Replace("-", string.Empty).ToLowerInvariant());
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                // The user's temp directory on Windows is already readable by that user only.
                Directory.CreateDirectory(path);
            }
            else if (NativeMethods.mkdir(path, Convert.ToUInt32("700", 8)) != 0)
            {
                throw new EucaException(
                    ErrorIds.CredentialsExtractionFailed,
                    EucaErrorCategory.InvalidOperation,
                    $"Cannot create the private directory '{path}' for the extracted credentials (errno {Marshal.GetLastWin32Error()}).",
                    path);
            }

            return path;
        }

        private static class NativeMethods
        {
            // Creating the directory with mode 700 (rather than chmod afterwards) leaves no moment in which
            // another user could open it; netstandard2.0 has no managed API for Unix modes.
            [DllImport("libc", SetLastError = true)]
            public static extern int mkdir(string path, uint mode);
        }
    }

    internal sealed class ExtractedCredentials
    {
        public ExtractedCredentials(string directory, IReadOnlyList<string> eucarcLines)
        {
            Directory = directory;
            EucarcLines = eucarcLines;
        }

        public string Directory { get; }

        public IReadOnlyList<string> EucarcLines { get; }
    }
}
