namespace Euca.Images.Engine.Tests.Support
{
    /// <summary>
    /// Base of the tests that copy between the two <see cref="MigrationClouds"/>: the clouds are shared by the whole
    /// collection, so every test starts with the AWS side's storage faults switched off again.
    /// </summary>
    public abstract class MigrationCloudsTest
    {
        protected MigrationCloudsTest(MigrationClouds clouds)
        {
            Clouds = clouds;
            Clouds.AwsStorageFault = (_, _) => Fault.None;
        }

        protected MigrationClouds Clouds { get; }
    }
}
