using System.Collections.Generic;

namespace Euca.Images.Engine.Images.Registration
{
    /// <summary>A checked registration: the request as it will be sent, and what was changed on the way (for warnings).</summary>
    public sealed class ImageRegistrationPlan
    {
        internal ImageRegistrationPlan(ImageRegistrationRequest request, IReadOnlyList<string> adjustments)
        {
            Request = request;
            Adjustments = adjustments;
        }

        public ImageRegistrationRequest Request { get; }

        /// <summary>Changes made to follow Eucalyptus' rules, such as the <c>/dev/sda1</c> to <c>/dev/sda</c> remapping.</summary>
        public IReadOnlyList<string> Adjustments { get; }
    }
}
