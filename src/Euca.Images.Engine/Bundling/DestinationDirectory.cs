using System;
using System.IO;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Bundling
{
    /// <summary>
    /// Creates the folder a command writes into. A destination that is an existing file, lies under one, or cannot
    /// be created becomes <c>DestinationInvalid</c> naming the path, not the IOException of the platform.
    /// </summary>
    public static class DestinationDirectory
    {
        /// <summary>Creates <paramref name="path"/> (and its parents) if needed and returns its full path.</summary>
        public static string Create(string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            try
            {
                return Directory.CreateDirectory(path).FullName;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                string problem = File.Exists(path) ? "it is an existing file" : "it cannot be created (" + e.Message + ")";
                throw new EucaException(ErrorIds.DestinationInvalid, EucaErrorCategory.InvalidArgument,
                    $"The destination folder '{path}' cannot be used: {problem}. Give a folder, or a path where one can be made.", path, e);
            }
        }
    }
}
