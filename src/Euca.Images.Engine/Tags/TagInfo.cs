namespace Euca.Images.Engine.Tags
{
    /// <summary>One tag on one resource, as DescribeTags lists it.</summary>
    public sealed class TagInfo
    {
        public TagInfo(string resourceId, string? resourceType, string key, string value)
        {
            ResourceId = resourceId;
            ResourceType = resourceType;
            Key = key;
            Value = value;
        }

        public string ResourceId { get; }

        /// <summary>image, snapshot, volume or instance.</summary>
        public string? ResourceType { get; }

        public string Key { get; }

        public string Value { get; }

        public override string ToString() => $"{ResourceId} {Key}={Value}";
    }
}
