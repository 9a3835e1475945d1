using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Import
{
    /// <summary>Conversion tasks as a kind of cloud resource: their id rule and how the cloud refuses an unknown one.</summary>
    internal static class ConversionTaskResource
    {
        // EC2 names the code without a .NotFound suffix for conversion tasks.
        public static readonly ResourceKind Kind = new ResourceKind(
            ResourceIdPattern.ConversionTask, "InvalidConversionTaskId", (id, cause) => ResourceKind.NotFoundError(ErrorIds.ConversionTaskNotFound, "conversion task", id, cause));
    }
}
