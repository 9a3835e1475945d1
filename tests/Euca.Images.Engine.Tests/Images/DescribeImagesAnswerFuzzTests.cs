using System;
using System.Linq;
using System.Text;
using Amazon.EC2.Model;
using Amazon.EC2.Model.Internal.MarshallTransformations;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Images
{
    /// <summary>Issue 11, class 7: seeded mutation fuzzing of the compute service's DescribeImages answers, through the SDK's unmarshaller and our mapping.</summary>
    public sealed class DescribeImagesAnswerFuzzTests
    {
        private const string Ns = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

        private static readonly string Answer =
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeImagesResponse {Ns}><requestId>5c1b4b2e-1d2f</requestId><imagesSet>" +
            "<item><imageId>emi-1a2b3c4d</imageId><imageLocation>images/centos7.img.manifest.xml</imageLocation><imageState>available</imageState>" +
            "<imageOwnerId>123456789012</imageOwnerId><isPublic>false</isPublic><architecture>x86_64</architecture><imageType>machine</imageType>" +
            "<kernelId>eki-6e0f3b1d</kernelId><ramdiskId>eri-2c9a7d40</ramdiskId><name>centos-7</name><description>a &amp; b</description>" +
            "<rootDeviceType>instance-store</rootDeviceType><rootDeviceName>/dev/sda1</rootDeviceName><virtualizationType>paravirtual</virtualizationType>" +
            "<creationDate>2024-03-05T06:07:08.000Z</creationDate><platform>windows</platform>" +
            "<blockDeviceMapping><item><deviceName>/dev/sda1</deviceName><ebs><snapshotId>snap-3e1d2c4b</snapshotId><volumeSize>10</volumeSize>" +
            "<deleteOnTermination>true</deleteOnTermination><volumeType>standard</volumeType></ebs></item>" +
            "<item><deviceName>/dev/sdb</deviceName><virtualName>ephemeral0</virtualName></item></blockDeviceMapping>" +
            "<tagSet><item><key>Name</key><value>web</value></item></tagSet></item>" +
            "<item><imageId>eki-6e0f3b1d</imageId><imageState>deregistered</imageState><imageType>kernel</imageType><isPublic>true</isPublic></item>" +
            "</imagesSet></DescribeImagesResponse>";

        private static readonly string[] Tokens =
        {
            "<item>", "</item>", "<imagesSet>", "</imagesSet>", "<requestId>", "</requestId>", "<volumeSize>99999999999999999999</volumeSize>",
            "<creationDate>not a date</creationDate>", "<isPublic>maybe</isPublic>", "&#0;", "<![CDATA[", "]]>", "<!DOCTYPE x>", "<html>",
            "<Errors><Error><Code>X</Code><Message>m</Message></Error></Errors>",
        };

        [Fact]
        public void TheSeedAnswerIsReadWhole()
        {
            DescribeImagesResponse response = Ec2AnswerFeed.Read<DescribeImagesResponse>(Encoding.UTF8.GetBytes(Answer), DescribeImagesResponseUnmarshaller.Instance);
            ImageInfo image = ImageInfoMapper.From(response.Images[0]);
            Assert.Equal(("emi-1a2b3c4d", 2), (image.ImageId, response.Images.Count));
        }

        [Fact]
        public void TenThousandMutatedAnswersAreEachReadOrRefusedWithAStableId()
        {
            MutationFuzzer.Run("DescribeImages answer", seed: 20115, new[] { Encoding.UTF8.GetBytes(Answer) }, Tokens, count: 10_000, input =>
            {
                DescribeImagesResponse response = Ec2AnswerFeed.Read<DescribeImagesResponse>(input, DescribeImagesResponseUnmarshaller.Instance);
                // What ImageService does with an answer (empty collections come back as null in SDK v4).
                _ = (response.Images ?? new System.Collections.Generic.List<Image>()).Select(ImageInfoMapper.From).ToList();
            }, new[] { "CloudAnswerInvalid" }, maxBytesPerInput: 16L * 1024 * 1024, timeLimit: TimeSpan.FromSeconds(90));
        }
    }
}
