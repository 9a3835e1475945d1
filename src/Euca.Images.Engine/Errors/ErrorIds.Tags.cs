namespace Euca.Images.Engine.Errors
{
    /// <summary>The catalogue's ids for tags on resources.</summary>
    public static partial class ErrorIds
    {
        /// <summary>
        /// An id given for tagging is not an image, snapshot, volume or instance id, the resources Eucalyptus tags.
        /// Check the id.
        /// </summary>
        public static readonly ErrorId TaggableResourceIdInvalid = new ErrorId(nameof(TaggableResourceIdInvalid));

        /// <summary>
        /// A tag key is empty, longer than 128 characters or starts with the reserved aws: or euca:, or a value is
        /// longer than 256 characters. Correct the tag.
        /// </summary>
        public static readonly ErrorId TagInvalid = new ErrorId(nameof(TagInvalid));
    }
}
