using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Euca.Images.Engine.Files;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>
    /// Reads the lines of a configuration file (euca2ools ini, eucarc, AWS profile): only a regular file (a FIFO
    /// would block, a device never end) of a size a configuration file can have; any failure is
    /// <c>CloudConfigurationInvalid</c> naming the file.
    /// </summary>
    internal static class ConfigurationFile
    {
        /// <summary>Configuration files are a few KiB; a megabyte is far beyond any real one.</summary>
        public const long MaxBytes = 1024 * 1024;

        public static IReadOnlyList<string> ReadLines(string path)
        {
            byte[] content;
            try
            {
                content = RegularFile.ReadAllBytes(path, MaxBytes);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw ConfigurationErrors.Invalid(path, e.Message);
            }

            return Lines(content);
        }

        /// <summary>The lines of UTF-8 text, whatever their line ends.</summary>
        public static IReadOnlyList<string> Lines(byte[] content)
        {
            var lines = new List<string>();
            using (var reader = new StreamReader(new MemoryStream(content), new UTF8Encoding(false, false)))
            {
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    lines.Add(line);
                }
            }

            return lines;
        }
    }
}
