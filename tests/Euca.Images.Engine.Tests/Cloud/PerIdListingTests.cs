using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Euca.Images.Engine.Cloud;
using Euca.Images.Engine.Errors;
using Euca.Images.Engine.Images;
using Euca.Images.Engine.Import;
using Euca.Images.Engine.Instances;
using Euca.Images.Engine.Snapshots;
using Euca.Images.Engine.Tests.Support;

namespace Euca.Images.Engine.Tests.Cloud
{
    /// <summary>
    /// Get-EucaImage, -Snapshot, -BundleTask and -ConversionTask list per id, against loopback answers in the shapes of
    /// EC2 (one unknown id refuses the whole request) and Eucalyptus 4.4 (unknown ids are left out of the answer).
    /// </summary>
    public class PerIdListingTests
    {
        private const string Ns = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

        /// <summary>One resource kind: its ids, how the cloud answers and refuses, and how the engine lists it.</summary>
        public sealed class Kind
        {
            public Kind(string name, string good, string unknown, string malformed, string notFoundCode, string notFoundId, string invalidId,
                Func<IEnumerable<string>, string> answer, Func<CloudConnection, IReadOnlyList<string>, Task<(IEnumerable<string> Ids, IReadOnlyList<EucaException> Errors)>> list)
            {
                Name = name;
                Good = good;
                Unknown = unknown;
                Malformed = malformed;
                NotFoundCode = notFoundCode;
                NotFoundId = notFoundId;
                InvalidId = invalidId;
                Answer = answer;
                List = list;
            }

            public string Name { get; }

            public string Good { get; }

            public string Unknown { get; }

            public string Malformed { get; }

            public string NotFoundCode { get; }

            public string NotFoundId { get; }

            public string InvalidId { get; }

            public Func<IEnumerable<string>, string> Answer { get; }

            public Func<CloudConnection, IReadOnlyList<string>, Task<(IEnumerable<string> Ids, IReadOnlyList<EucaException> Errors)>> List { get; }

            public override string ToString() => Name;
        }

        public static TheoryData<Kind> Kinds => new TheoryData<Kind>
        {
            new Kind("image", "emi-1a2b3c4d", "emi-0badf00d", "emi-nothex!", "InvalidAMIID.NotFound", "ImageNotFound", "ImageIdInvalid",
                ids => $"<DescribeImagesResponse {Ns}><requestId>r</requestId><imagesSet>"
                    + string.Concat(ids.Select(id => $"<item><imageId>{id}</imageId><imageState>available</imageState><imageType>machine</imageType></item>"))
                    + "</imagesSet></DescribeImagesResponse>",
                async (connection, ids) => Shape(await new ImageService(connection).GetImagesAsync(new ImageQuery { ImageIds = ids }, CancellationToken.None), i => i.ImageId)),
            new Kind("snapshot", "snap-1a2b3c4d", "snap-0badf00d", "vol-1a2b3c4d", "InvalidSnapshot.NotFound", "SnapshotNotFound", "SnapshotIdInvalid",
                ids => $"<DescribeSnapshotsResponse {Ns}><requestId>r</requestId><snapshotSet>"
                    + string.Concat(ids.Select(id => $"<item><snapshotId>{id}</snapshotId><volumeId>vol-1a2b3c4d</volumeId><status>completed</status><progress>100%</progress></item>"))
                    + "</snapshotSet></DescribeSnapshotsResponse>",
                async (connection, ids) => Shape(await new SnapshotService(connection).GetSnapshotsAsync(ids, null, CancellationToken.None), s => s.SnapshotId)),
            new Kind("bundle task", "bun-1a2b3c4d", "bun-0badf00d", "bun-123", "InvalidBundleID.NotFound", "BundleTaskNotFound", "BundleIdInvalid",
                ids => $"<DescribeBundleTasksResponse {Ns}><requestId>r</requestId><bundleInstanceTasksSet>"
                    + string.Concat(ids.Select(id => $"<item>{Ec2Answers.BundleTaskFields(id, "bundling", 50)}</item>"))
                    + "</bundleInstanceTasksSet></DescribeBundleTasksResponse>",
                async (connection, ids) => Shape(await new InstanceBundler(connection).GetBundleTasksAsync(ids, CancellationToken.None), t => t.BundleId)),
            new Kind("conversion task", "import-vol-1a2b3c4d", "import-vol-0badf00d", "import-x-1a2b", "InvalidConversionTaskId", "ConversionTaskNotFound", "ConversionTaskIdInvalid",
                ids => $"<DescribeConversionTasksResponse {Ns}><requestId>r</requestId><conversionTasks>"
                    + string.Concat(ids.Select(id => $"<item><conversionTaskId>{id}</conversionTaskId><state>active</state></item>"))
                    + "</conversionTasks></DescribeConversionTasksResponse>",
                async (connection, ids) => Shape(await new ImportService(connection).GetConversionTasksAsync(ids, CancellationToken.None), t => t.ConversionTaskId)),
        };

        [Theory]
        [MemberData(nameof(Kinds))]
        public async Task WhenTheCloudRefusesAnUnknownIdTheOthersAreStillListed(Kind kind)
        {
            // EC2 and the local cloud: one unknown id fails the whole request, so the engine asks for each id alone.
            using var server = new LoopbackServer(request => request.Body.Contains(kind.Unknown)
                ? new LoopbackServer.Response(400, Ec2Answers.Error(kind.NotFoundCode, "does not exist"))
                : new LoopbackServer.Response(200, kind.Answer(new[] { kind.Good })));
            using var connection = CloudTestSettings.Connect(server.Url);

            var (ids, errors) = await kind.List(connection, new[] { kind.Good, kind.Unknown, kind.Malformed });

            Assert.Equal(new[] { kind.Good }, ids);
            Assert.Equal(new[] { (kind.NotFoundId, (object?)kind.Unknown), (kind.InvalidId, kind.Malformed) }, errors.Select(e => (e.ErrorId, e.Target)));
            Assert.Equal(EucaErrorCategory.ObjectNotFound, errors[0].Category);
            Assert.Equal(EucaErrorCategory.InvalidArgument, errors[1].Category);
            Assert.Equal(3, server.Requests.Count);
            Assert.DoesNotContain(server.Requests, r => Uri.UnescapeDataString(r.Body).Contains(kind.Malformed));
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public async Task WhenTheCloudLeavesAnUnknownIdOutItIsNotFound(Kind kind)
        {
            // Eucalyptus 4.4 answers only what it has, in one request.
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, kind.Answer(new[] { kind.Good })));
            using var connection = CloudTestSettings.Connect(server.Url);

            var (ids, errors) = await kind.List(connection, new[] { kind.Unknown, kind.Good, kind.Unknown });

            Assert.Equal(new[] { kind.Good }, ids);
            EucaException error = Assert.Single(errors);
            Assert.Equal((kind.NotFoundId, (object?)kind.Unknown), (error.ErrorId, error.Target));
            Assert.Contains(kind.Unknown, error.Message);
            Assert.Single(server.Requests);
        }

        [Theory]
        [MemberData(nameof(Kinds))]
        public async Task OnlyMalformedIdsListNothingAndCallNothing(Kind kind)
        {
            using var server = new LoopbackServer(_ => new LoopbackServer.Response(200, kind.Answer(new[] { kind.Good })));
            using var connection = CloudTestSettings.Connect(server.Url);

            var (ids, errors) = await kind.List(connection, new[] { kind.Malformed });

            Assert.Empty(ids);
            Assert.Equal(kind.InvalidId, Assert.Single(errors).ErrorId);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task ASnapshotTheOwnersExcludeIsNotAnErrorButAnUnknownOneIs()
        {
            // Asked again without owners, the cloud tells an excluded snapshot from an unknown one.
            using var server = new LoopbackServer(request => new LoopbackServer.Response(200, request.Body.Contains("Owner")
                ? $"<DescribeSnapshotsResponse {Ns}><requestId>r</requestId><snapshotSet/></DescribeSnapshotsResponse>"
                : Ec2Answers.DescribeSnapshots("snap-1a2b3c4d", "completed", 100)));
            using var connection = CloudTestSettings.Connect(server.Url);

            var listing = await new SnapshotService(connection).GetSnapshotsAsync(new[] { "snap-1a2b3c4d", "snap-0badf00d" }, new[] { "210987654321" }, CancellationToken.None);

            Assert.Empty(listing.Items);
            Assert.Equal(("SnapshotNotFound", (object?)"snap-0badf00d"), (Assert.Single(listing.Errors).ErrorId, listing.Errors[0].Target));
            Assert.Equal(2, server.Requests.Count);
        }

        private static (IEnumerable<string> Ids, IReadOnlyList<EucaException> Errors) Shape<T>(ResourceListing<T> listing, Func<T, string> idOf) =>
            (listing.Items.Select(idOf).ToList(), listing.Errors);
    }
}
