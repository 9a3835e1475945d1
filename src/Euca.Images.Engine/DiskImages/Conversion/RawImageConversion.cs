namespace Euca.Images.Engine.DiskImages.Conversion
{
    /// <summary>What ConvertTo-EucaRawImage made: the raw file and where it came from.</summary>
    public sealed class RawImageConversion
    {
        internal RawImageConversion(string path, string sourcePath, DiskFormat sourceFormat, string sourceSubformat, long size, long dataBytesWritten)
        {
            Path = path;
            SourcePath = sourcePath;
            SourceFormat = sourceFormat;
            SourceSubformat = sourceSubformat;
            Size = size;
            DataBytesWritten = dataBytesWritten;
        }

        /// <summary>The raw file written.</summary>
        public string Path { get; }

        public string SourcePath { get; }

        public DiskFormat SourceFormat { get; }

        public string SourceSubformat { get; }

        /// <summary>Bytes of the raw disk (the source's virtual size).</summary>
        public long Size { get; }

        /// <summary>Bytes actually written; the rest of the file is holes.</summary>
        public long DataBytesWritten { get; }
    }
}
