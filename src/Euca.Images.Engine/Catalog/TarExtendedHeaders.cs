using System;
using System.Text;
using Euca.Images.Engine.Bundling.Tar;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Catalog
{
    /// <summary>
    /// What the extension headers before a member say about it: a GNU long name ('L') or a pax header ('x', path and
    /// size, parsed by the bundle payload's <see cref="PaxHeaders"/>) replaces the name and size of its header block
    /// (Python's tarfile writes either). A pax global header ('g') is read and ignored.
    /// </summary>
    internal sealed class TarExtendedHeaders
    {
        private string? _name;
        private long? _size;

        /// <summary>Takes an extension header's data.</summary>
        public void Take(CatalogTarHeader extension, byte[] data, Func<string, EucaException> corrupt)
        {
            if (extension.Type == 'L')
            {
                _name = Encoding.UTF8.GetString(data).TrimEnd('\0');
            }
            else if (extension.Type == 'x')
            {
                try
                {
                    PaxHeaders pax = PaxHeaders.Parse(data, data.Length);
                    _name = pax.Path ?? _name;
                    _size = pax.Size ?? _size;
                }
                catch (TarFormatException e)
                {
                    throw corrupt(e.Message.TrimEnd('.'));
                }
            }
        }

        /// <summary>The member's name and size, with what the extension headers said; they apply to this member only.</summary>
        public (string Name, long Size) ApplyTo(CatalogTarHeader member)
        {
            (string Name, long Size) result = (_name ?? member.Name, _size ?? member.Size);
            (_name, _size) = (null, null);
            return result;
        }
    }
}
