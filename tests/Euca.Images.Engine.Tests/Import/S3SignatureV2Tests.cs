using System;
using System.Collections.Generic;
using Euca.Images.Engine.Import;

namespace Euca.Images.Engine.Tests.Import
{
    /// <summary>
    /// The published examples of the Amazon S3 developer guide, "Signing and authenticating REST requests (AWS signature
    /// version 2)": its example credentials, string-to-sign and signatures (header examples and the query-string
    /// example), so the signer is checked against values it did not produce.
    /// </summary>
    public class S3SignatureV2Tests
    {
        private const string AccessKey = "AKIAIOSFODNN7EXAMPLE";
        private const string Secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

        [Theory]
        [InlineData("GET", null, null, "Tue, 27 Mar 2007 19:36:42 +0000", "/johnsmith/photos/puppy.jpg", "bWq2s1WEIj+Ydj0vQ697zp+IXMU=")]
        [InlineData("PUT", null, "image/jpeg", "Tue, 27 Mar 2007 21:15:45 +0000", "/johnsmith/photos/puppy.jpg", "MyyxeRY7whkBe+bq8fHCL/2kKUg=")]
        [InlineData("GET", null, null, "Tue, 27 Mar 2007 19:42:41 +0000", "/johnsmith/", "htDYFYduRNen8P9ZfE/s9SuKy0U=")]
        [InlineData("DELETE", null, null, "Tue, 27 Mar 2007 21:20:26 +0000", "/johnsmith/photos/puppy.jpg", "lx3byBScXR6KzyMaifNkardMwNk=")]
        [InlineData("GET", null, null, "Wed, 28 Mar 2007 01:29:59 +0000", "/", "qGdzdERIC03wnaRNKh6OqZehG9s=")]
        [InlineData("GET", null, null, "Wed, 28 Mar 2007 01:49:49 +0000", "/dictionary/fran%C3%A7ais/pr%c3%a9f%c3%a8re", "DNEZGsoieTZ92F3bUfSPQcbGmlM=")]
        [InlineData("GET", null, null, "1175139620", "/johnsmith/photos/puppy.jpg", "NpgCjnDzrM+WFzoENXmpNDUsSn8=")]
        public void PublishedExamplesSign(string method, string? md5, string? contentType, string date, string resource, string expected)
        {
            string stringToSign = S3SignatureV2.StringToSign(method, md5, contentType, date, null, resource);

            Assert.Equal(expected, S3SignatureV2.Sign(Secret, stringToSign));
        }

        [Fact]
        public void PublishedUploadExampleSortsJoinsAndLowerCasesAmzHeaders()
        {
            var headers = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("x-amz-acl", "public-read"),
                new KeyValuePair<string, string>("X-Amz-Meta-ReviewedBy", "joe@johnsmith.net"),
                new KeyValuePair<string, string>("X-Amz-Meta-ReviewedBy", "jane@johnsmith.net"),
                new KeyValuePair<string, string>("X-Amz-Meta-FileChecksum", "0x02661779"),
                new KeyValuePair<string, string>("X-Amz-Meta-ChecksumAlgorithm", "crc32"),
                new KeyValuePair<string, string>("Content-Disposition", "attachment; filename=database.dat"),
            };

            string stringToSign = S3SignatureV2.StringToSign("PUT", "4gJE4saaMU4BqNR0kLY+lw==", "application/x-download",
                "Tue, 27 Mar 2007 21:06:08 +0000", headers, "/static.johnsmith.net/db-backup.dat.gz");

            Assert.Equal("PUT\n4gJE4saaMU4BqNR0kLY+lw==\napplication/x-download\nTue, 27 Mar 2007 21:06:08 +0000\n" +
                "x-amz-acl:public-read\nx-amz-meta-checksumalgorithm:crc32\nx-amz-meta-filechecksum:0x02661779\n" +
                "x-amz-meta-reviewedby:joe@johnsmith.net,jane@johnsmith.net\n/static.johnsmith.net/db-backup.dat.gz", stringToSign);
            Assert.Equal("ilyl83RwaSoYIEdixDQcA4OnAnc=", S3SignatureV2.Sign(Secret, stringToSign));
        }

        [Fact]
        public void PresignedUrlReproducesThePublishedQueryStringExample()
        {
            Uri url = S3SignatureV2.Presign(new Uri("http://s3.amazonaws.com/"), "johnsmith", "photos/puppy.jpg", "GET",
                DateTimeOffset.FromUnixTimeSeconds(1175139620), AccessKey, Secret);

            Assert.Equal("http://s3.amazonaws.com/johnsmith/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D",
                url.AbsoluteUri);
        }

        [Fact]
        public void ResourceLeavesOutTheEndpointPathButTheUrlKeepsIt()
        {
            Uri url = S3SignatureV2.Presign(new Uri("http://osg.example:8773/services/objectstorage/"), "johnsmith", "photos/puppy.jpg", "GET",
                DateTimeOffset.FromUnixTimeSeconds(1175139620), AccessKey, Secret);

            // Same signature as the published example: the signed resource is /johnsmith/photos/puppy.jpg.
            Assert.Equal("http://osg.example:8773/services/objectstorage/johnsmith/photos/puppy.jpg?AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D",
                url.AbsoluteUri);
        }

        [Fact]
        public void KeysArePercentEncodedPerSegmentAndSignedAsSent()
        {
            Uri url = S3SignatureV2.Presign(new Uri("http://h/"), "b", "dir one/disk+1.raw", "HEAD", DateTimeOffset.FromUnixTimeSeconds(2000000000), AccessKey, Secret);

            Assert.StartsWith("http://h/b/dir%20one/disk%2B1.raw?", url.AbsoluteUri);
            string expected = S3SignatureV2.Sign(Secret, "HEAD\n\n\n2000000000\n/b/dir%20one/disk%2B1.raw");
            Assert.EndsWith("&Signature=" + Uri.EscapeDataString(expected), url.AbsoluteUri);
        }

        [Fact]
        public void SessionTokenIsSignedAsAnAmzHeaderAndSent()
        {
            Uri url = S3SignatureV2.Presign(new Uri("http://h/"), "b", "k", "GET", DateTimeOffset.FromUnixTimeSeconds(2000000000), AccessKey, Secret, "TOKEN");

            string expected = S3SignatureV2.Sign(Secret, "GET\n\n\n2000000000\nx-amz-security-token:TOKEN\n/b/k");
            Assert.Contains("&Signature=" + Uri.EscapeDataString(expected) + "&x-amz-security-token=TOKEN", url.AbsoluteUri);
        }
    }
}
