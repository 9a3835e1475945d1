using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Configuration
{
    /// <summary>The configuration errors shared by several readers.</summary>
    internal static class ConfigurationErrors
    {
        public static EucaException Invalid(string file, int line, string problem) =>
            new EucaException(
                ErrorIds.CloudConfigurationInvalid,
                EucaErrorCategory.InvalidData,
                $"The configuration file '{file}' cannot be read: {problem} (line {line}).",
                file);

        public static EucaException Invalid(string file, string problem) =>
            new EucaException(
                ErrorIds.CloudConfigurationInvalid,
                EucaErrorCategory.InvalidData,
                $"The configuration file '{file}' cannot be used: {problem}",
                file);
    }
}
