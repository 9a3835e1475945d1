using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Images
{
    public class ImageServiceTests
    {
        private static string Item(string id, string name) =>
            $"<item><imageId>{id}</imageId><imageLocation>bucket/{name}.manifest.xml</imageLocation><imageState>available</imageState>" +
            "<imageOwnerId>123456789012</imageOwnerId><isPublic>true</isPublic><architecture>x86_64</architecture><imageType>machine</imageType>" +
            "<kernelId>eki-11111111</kernelId><ramdiskId>eri-22222222</ramdiskId><name>" + name + "</name><rootDeviceType>instance-store</rootDeviceType>" +
            "<rootDeviceName>/dev/sda1</rootDeviceName><virtualizationType>paravirtual</virtualizationType><hypervisor>kvm</hypervisor>" +
            "<creationDate>2024-05-06T07:08:09.000Z</creationDate>" +
            "<blockDeviceMapping><item><deviceName>/dev/sdb</deviceName><virtualName>ephemeral0</virtualName></item></blockDeviceMapping>" +
            "<tagSet><item><key>Name</key><value>" + name + "</value></item></tagSet></item>";

        private static string Response(params string[] items) =>
            "<DescribeImagesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId><imagesSet>" +
            string.Concat(items) + "</imagesSet></DescribeImagesResponse>";

        [Fact]
        public async Task DefaultQueryMergesOwnedAndExecutableImagesSortedWithoutDuplicates()
        {
            using var server = new LoopbackServer(request => request.Body.Contains("Owner.1=self")
                ? new LoopbackServer.Response(200, Response(Item("emi-bbbbbbbb", "b"), Item("emi-aaaaaaaa", "a")))
                : new LoopbackServer.Response(200, Response(Item("emi-aaaaaaaa", "a"), Item("emi-cccccccc", "c"))));
            using var connection = CloudTestSettings.Connect(new Uri(server.Url, "services/compute"));

            var images = await new ImageService(connection).GetImagesAsync(new ImageQuery(), CancellationToken.None);

            Assert.Equal(new[] { "emi-aaaaaaaa", "emi-bbbbbbbb", "emi-cccccccc" }, images.Items.Select(i => i.ImageId));
            var requests = server.Requests.ToArray();
            Assert.Equal(2, requests.Length);
            Assert.Contains(requests, r => r.Body.Contains("Owner.1=self") && !r.Body.Contains("ExecutableBy"));
            Assert.Contains(requests, r => r.Body.Contains("ExecutableBy.1=self") && !r.Body.Contains("Owner.1"));
            Assert.All(requests, r => Assert.Equal("/services/compute", r.Path.TrimEnd('/')));
            Assert.All(requests, r => Assert.Contains("/eucalyptus/ec2/aws4_request", r.Authorization));

            var a = images.Items[0];
            Assert.Equal("a", a.Name);
            Assert.Equal("bucket/a.manifest.xml", a.ImageLocation);
            Assert.Equal(ImageKind.Machine, a.ImageType);
            Assert.Equal(RootDeviceKind.InstanceStore, a.RootDeviceType);
            Assert.Equal(VirtualizationKind.Paravirtual, a.VirtualizationType);
            Assert.True(a.IsPublic);
            Assert.Equal("eki-11111111", a.KernelId);
            Assert.Equal(new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc), a.CreationDate);
            Assert.Equal("ephemeral0", Assert.Single(a.BlockDeviceMappings).VirtualName);
            Assert.Equal("a", a.Tags["Name"]);
        }

        [Fact]
        public async Task ExplicitQuerySendsOneCallWithCanonicalIdsAndFilters()
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Response(Item("emi-abcdef01", "a"))));
            using var connection = CloudTestSettings.Connect(server.Url);
            var query = new ImageQuery
            {
                ImageIds = new[] { "EMI-ABCDEF01" },
                Filters = new Dictionary<string, IReadOnlyList<string>> { ["state"] = new[] { "available" } },
            };

            var images = await new ImageService(connection).GetImagesAsync(query, CancellationToken.None);

            Assert.Equal("emi-abcdef01", Assert.Single(images.Items).ImageId);
            var request = Assert.Single(server.Requests);
            Assert.Contains("ImageId.1=emi-abcdef01", request.Body);
            Assert.Contains("Filter.1.Name=state", request.Body);
        }

        [Fact]
        public async Task AnImageTheFiltersExcludeIsNotAnErrorButAnUnknownOneIs()
        {
            // Eucalyptus leaves out both; asked again without owners and filters, the cloud tells them apart.
            using var server = new LoopbackServer(request => new LoopbackServer.Response(200,
                request.Body.Contains("Filter") ? Response() : Response(Item("emi-abcdef01", "a"))));
            using var connection = CloudTestSettings.Connect(server.Url);
            var query = new ImageQuery { ImageIds = new[] { "emi-abcdef01", "emi-0badf00d" }, Owners = new[] { "self" }, States = new[] { "failed" } };

            var images = await new ImageService(connection).GetImagesAsync(query, CancellationToken.None);

            Assert.Empty(images.Items);
            Assert.Equal(("ImageNotFound", (object?)"emi-0badf00d"), (Assert.Single(images.Errors).ErrorId, images.Errors[0].Target));
            string[] bodies = server.Requests.Select(r => Uri.UnescapeDataString(r.Body)).ToArray();
            Assert.Equal(2, bodies.Length);
            Assert.Contains("Owner.1=self", bodies[0]);
            Assert.DoesNotContain("Owner", bodies[1]);
        }

        [Fact]
        public async Task TheTypedFiltersJoinTheFilterOfTheSameNameAsTheCloudSpellsThem()
        {
            var query = new ImageQuery
            {
                Filters = new Dictionary<string, IReadOnlyList<string>> { ["name"] = new[] { "centos-*" }, ["architecture"] = new[] { "x86_64" } },
                Names = new[] { "centos-*", "debian-*" },
                ImageTypes = new[] { ImageKind.Kernel, ImageKind.Machine },
                RootDeviceTypes = new[] { RootDeviceKind.InstanceStore, RootDeviceKind.Ebs },
                States = new[] { "Available" },
            };

            IReadOnlyDictionary<string, IReadOnlyList<string>> filters = query.DescribeFilters();

            Assert.Equal(new[] { "centos-*", "debian-*" }, filters["name"]);
            Assert.Equal(new[] { "x86_64" }, filters["architecture"]);
            Assert.Equal(new[] { "kernel", "machine" }, filters["image-type"]);
            Assert.Equal(new[] { "instance-store", "ebs" }, filters["root-device-type"]);
            Assert.Equal(new[] { "available" }, filters["state"]);
            Assert.Equal(5, filters.Count);

            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, Response()));
            using var connection = CloudTestSettings.Connect(server.Url);
            await new ImageService(connection).GetImagesAsync(query, CancellationToken.None);
            Assert.All(server.Requests, r => Assert.Contains("Filter.3.Value.2=machine", Uri.UnescapeDataString(r.Body)));
        }

        [Fact]
        public void AQueryWithoutTypedFiltersSendsOnlyItsOwnFilters()
        {
            var query = new ImageQuery { Filters = new Dictionary<string, IReadOnlyList<string>> { ["tag:Name"] = new[] { "web" } } };

            Assert.Equal(new[] { "tag:Name" }, query.DescribeFilters().Keys);
            Assert.Empty(new ImageQuery().DescribeFilters());
        }
    }
}
