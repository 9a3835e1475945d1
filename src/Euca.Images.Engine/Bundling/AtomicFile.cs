using System;
using System.IO;

namespace Euca.Images.Engine.Bundling
{
    /// <summary>Writes a small file under a temporary name and renames it, so readers never see half of it.</summary>
    internal static class AtomicFile
    {
        public static void Write(string path, byte[] content)
        {
            string temporary = path + ".tmp-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            try
            {
                File.WriteAllBytes(temporary, content);
                if (File.Exists(path))
                {
                    File.Delete(path);
                }

                File.Move(temporary, path);
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }
    }
}
