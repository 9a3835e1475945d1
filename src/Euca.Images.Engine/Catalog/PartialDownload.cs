using System;
using System.IO;
using System.Text;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// The bytes of an unfinished download (FILE.part) and the server's validator for them (FILE.part.validator: the
    /// strong ETag, else the Last-Modified date), kept so a retry or a later run asks only for the rest. A resumed
    /// request carries the validator in If-Range: when the file changed on the server, the server answers with the
    /// whole new file (200) instead of the rest of the old one, and the download restarts.
    /// </summary>
    internal sealed class PartialDownload
    {
        public PartialDownload(string destination)
        {
            DataPath = destination + ".part";
            ValidatorPath = destination + ".part.validator";
        }

        public string DataPath { get; }

        public string ValidatorPath { get; }

        /// <summary>Bytes kept from earlier attempts; 0 when they cannot be resumed (no validator to check them by).</summary>
        public long ResumableLength => Validator is null || !File.Exists(DataPath) ? 0 : new FileInfo(DataPath).Length;

        public string? Validator => File.Exists(ValidatorPath) ? File.ReadAllText(ValidatorPath, Encoding.ASCII).Trim() : null;

        /// <summary>Starts over: no bytes, and the validator of the answer that is about to be written (null: none usable).</summary>
        public FileStream Restart(string? validator)
        {
            Delete();
            if (validator != null)
            {
                File.WriteAllText(ValidatorPath, validator, Encoding.ASCII);
            }

            return new FileStream(DataPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        }

        public FileStream Continue() => new FileStream(DataPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1 << 16);

        public void Complete(string destination)
        {
            if (File.Exists(destination))
            {
                File.Delete(destination);
            }

            File.Move(DataPath, destination);
            File.Delete(ValidatorPath);
        }

        public void Delete()
        {
            File.Delete(DataPath);
            File.Delete(ValidatorPath);
        }

        /// <summary>
        /// If-Range takes only a strong ETag or a date; a weak ETag (W/"...") cannot prove the bytes are the same, so
        /// the date stands in, and without either the download cannot be resumed safely.
        /// </summary>
        public static string? ValidatorOf(System.Net.Http.HttpResponseMessage response)
        {
            var etag = response.Headers.ETag;
            if (etag != null && !etag.IsWeak)
            {
                return etag.ToString();
            }

            DateTimeOffset? modified = response.Content.Headers.LastModified;
            return modified?.ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
