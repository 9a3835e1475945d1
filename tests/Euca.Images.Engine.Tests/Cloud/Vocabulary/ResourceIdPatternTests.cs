using Euca.Images.Engine.Cloud.Vocabulary;
using Euca.Images.Engine.Errors;

namespace Euca.Images.Engine.Tests.Cloud.Vocabulary
{
    public class ResourceIdPatternTests
    {
        [Theory]
        [InlineData("emi-E533392E", "emi-e533392e")]
        [InlineData("eki-0123abcd", "eki-0123abcd")]
        [InlineData("eri-0123abcd", "eri-0123abcd")]
        [InlineData("ami-0ba907069cb1845bc", "ami-0ba907069cb1845bc")]
        [InlineData("AKI-0BA907069CB1845BC", "aki-0ba907069cb1845bc")]
        [InlineData("ari-12345678", "ari-12345678")]
        public void CanonicalizesValidIds(string input, string expected) =>
            Assert.Equal(expected, ResourceIdPattern.Image(input));

        [Theory]
        [InlineData("emi-1234567")]
        [InlineData("emi-123456789")]
        [InlineData("emi-0ba907069cb1845b")]
        [InlineData("emi-1234567g")]
        [InlineData("vol-12345678")]
        [InlineData("")]
        [InlineData(null)]
        public void RejectsInvalidIds(string? input)
        {
            Assert.False(ResourceIdPattern.IsImage(input));
            Assert.Equal("ImageIdInvalid", Assert.Throws<EucaException>(() => ResourceIdPattern.Image(input)).ErrorId);
        }
    }
}
