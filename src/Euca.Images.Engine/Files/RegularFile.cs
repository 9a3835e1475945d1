using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Euca.Images.Engine.Files
{
    /// <summary>
    /// Opens the local files a user names (images, bundle parts, keys, certificates, manifests, configuration) only
    /// when they are regular files. .NET reports devices and FIFOs as ordinary files, yet opening a FIFO blocks
    /// forever and a device such as /dev/zero never ends, so on Linux the type comes from statx(2) first. Refusals
    /// are <see cref="NotRegularFileException"/>, an <see cref="IOException"/>, so each caller's existing handling of
    /// unreadable files gives them its own error id.
    /// </summary>
    public static class RegularFile
    {
        /// <summary>Throws <see cref="NotRegularFileException"/> for a device, FIFO or socket (symbolic links are followed).</summary>
        public static void Check(string path)
        {
            if (LinuxFileType.IsSpecial(path))
            {
                throw new NotRegularFileException(path);
            }
        }

        /// <summary>Opens a regular file for reading.</summary>
        public static FileStream OpenRead(string path, int bufferSize = 4096, FileOptions options = FileOptions.None)
        {
            Check(path);
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, options);
        }

        /// <summary>Reads a whole regular file that must not be larger than <paramref name="maxBytes"/>.</summary>
        public static byte[] ReadAllBytes(string path, long maxBytes)
        {
            using (FileStream stream = OpenRead(path))
            {
                if (stream.Length > maxBytes)
                {
                    throw new FileTooLargeException(path, maxBytes);
                }

                var data = new byte[stream.Length];
                int total = 0;
                int read;
                while (total < data.Length && (read = stream.Read(data, total, data.Length - total)) > 0)
                {
                    total += read;
                }

                Array.Resize(ref data, total);
                return data;
            }
        }

        private static class LinuxFileType
        {
            private const int AtFdCwd = -100;
            private const uint StatxType = 0x0001;
            private const int ModeOffset = 28; // stx_mode in struct statx, the same on every architecture
            private const int TypeMask = 0xF000;
            private const int RegularFile = 0x8000;
            private const int Directory = 0x4000;

            [DllImport("libc", SetLastError = true)]
            private static extern int statx(int dirfd, string pathname, int flags, uint mask, byte[] statxbuf);

            /// <summary>True only for what is known to be neither a regular file nor a directory.</summary>
            public static bool IsSpecial(string path)
            {
                if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
                {
                    return false;
                }

                var buffer = new byte[256];
                try
                {
                    if (statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
                    {
                        return false; // Let opening the file report the problem.
                    }
                }
                catch (Exception e) when (e is EntryPointNotFoundException || e is DllNotFoundException)
                {
                    return false; // Old C library without statx: devices are then caught by nothing but FileStream.
                }

                int type = (buffer[ModeOffset] | (buffer[ModeOffset + 1] << 8)) & TypeMask;
                return type != RegularFile && type != Directory;
            }
        }
    }

    /// <summary>The path names a device, FIFO or socket, which are never read.</summary>
    public sealed class NotRegularFileException : IOException
    {
        public NotRegularFileException(string path)
            : base($"'{path}' is a device, FIFO or socket, not a regular file.")
        {
            Path = path;
        }

        public string Path { get; }
    }

    /// <summary>The file is larger than anything of its kind can be.</summary>
    public sealed class FileTooLargeException : IOException
    {
        public FileTooLargeException(string path, long maxBytes)
            : base($"'{path}' is larger than {maxBytes} bytes, more than a file of this kind ever holds.")
        {
            Path = path;
        }

        public string Path { get; }
    }
}
