using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Storage
{
    /// <summary>
    /// The checks the storage requests make when they are created, so a missing or invalid value is refused with its
    /// own error id before any request reaches object storage.
    /// </summary>
    internal static class StorageRequestChecks
    {
        public static string RequiredText(string? value, ErrorId errorId, string description) =>
            string.IsNullOrWhiteSpace(value) ? throw Missing(errorId, description) : value!;

        public static T Required<T>(T? value, ErrorId errorId, string description)
            where T : class =>
            value ?? throw Missing(errorId, description);

        /// <summary>Parts transferred at once; zero would transfer nothing and report success.</summary>
        public static int ThrottleLimit(int value) =>
            value >= 1
                ? value
                : throw new EucaException(ErrorIds.ThrottleLimitInvalid, EucaErrorCategory.InvalidArgument,
                    $"At least one part must be transferred at a time; {value} was given.", value);

        private static EucaException Missing(ErrorId errorId, string description) =>
            new EucaException(errorId, EucaErrorCategory.InvalidArgument, $"{description} is missing.", description);
    }
}
