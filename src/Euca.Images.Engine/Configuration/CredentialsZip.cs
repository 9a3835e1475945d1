using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// A credentials archive from <c>euca_conf --get-credentials</c> (eucarc, iamrc, cloud-cert.pem, jssecacerts,
    /// euca2-USER-HEX-pk.pem, euca2-USER-HEX-cert.pem). Only the top-level PEM files are extracted, into a new
    /// directory with a random name under the temp directory that only the user can read (mode 700 on Unix);
    /// the eucarc is read from the archive in memory. An archive with any entry naming an absolute path or a
    /// '..' segment is refused outright, since it was built to write outside the target directory.
    /// </summary>
    internal static class CredentialsZip
    {
        public static bool IsZip(string path)
        {
            using (var stream = File.OpenRead(path))
            {
                var magic = new byte[4];
                return stream.Read(magic, 0, 4) == 4 && magic[0] == (byte)'P' && magic[1] == (byte)'K' && magic[2] == 3 && magic[3] == 4;
            }
        }

        public static ExtractedCredentials Extract(string zipPath, string tempDirectory)
        {
            using (var archive = ZipFile.OpenRead(zipPath))
            {
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
                }

                var eucarc = archive.Entries.FirstOrDefault(e => e.FullName == "eucarc")
                    ?? throw new EucaException(
                        ErrorIds.CredentialsArchiveInvalid,
                        EucaErrorCategory.InvalidData,
                        $"The credentials archive '{zipPath}' has no top-level 'eucarc' file.",
                        zipPath);

                var lines = new List<string>();
                using (var reader = new StreamReader(eucarc.Open()))
                {
                    string? line;
                    while ((line = reader.ReadLine()) != null)
                    {
                        lines.Add(line);
                    }
                }

                var directory = CreatePrivateDirectory(tempDirectory);
                DeleteAtExit(directory);
                foreach (var entry in archive.Entries.Where(e => e.FullName.IndexOf('/') < 0 && e.FullName.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)))
                {
                    var target = Path.Combine(directory, entry.FullName);
                    using (var input = entry.Open())
                    using (var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
                    {
                        input.CopyTo(output);
                    }
                }

                return new ExtractedCredentials(directory, lines);
            }
        }

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
