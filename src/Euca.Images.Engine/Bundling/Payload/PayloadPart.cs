namespace Euca.Images.Engine.Bundling.Payload
{
    /// <summary>One written part: what the manifest lists for it.</summary>
    public sealed class PayloadPart
    {
        public PayloadPart(int index, string fileName, long size, string sha1)
        {
            Index = index;
            FileName = fileName;
            Size = size;
            Sha1 = sha1;
        }

        public int Index { get; }

        public string FileName { get; }

        public long Size { get; }

        /// <summary>SHA-1 of the part's (encrypted) bytes, lower-case hex.</summary>
        public string Sha1 { get; }

        /// <summary>euca2ools' part naming: the index with at least two digits (<c>.part.00</c> ... <c>.part.100</c>).</summary>
        public static string NameFor(string prefix, int index) => prefix + ".part." + index.ToString("00", System.Globalization.CultureInfo.InvariantCulture);
    }
}
