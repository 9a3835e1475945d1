using System.Net;
using System.Net.Http.Headers;
using Euca.Images.LocalCloud.Hosting;

namespace Euca.Images.LocalCloud.Tests;

/// <summary>`--files-directory`: the folder's files under `/files/`, with what resumable downloads need.</summary>
public sealed class StaticFilesTests : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("localcloud-files-").FullName;
    private readonly byte[] content = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
    private LocalCloudHost host = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(root, "served", "sub"));
        await File.WriteAllBytesAsync(Path.Combine(root, "served", "sub", "image.raw"), content);
        await File.WriteAllTextAsync(Path.Combine(root, "outside.txt"), "not served");
        host = new LocalCloudHost(new LocalCloudOptions { FilesDirectory = Path.Combine(root, "served") });
        client = new HttpClient { BaseAddress = await host.StartAsync() };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await host.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task ServesAFileWithItsLengthAndAnETag()
    {
        using HttpResponseMessage response = await client.GetAsync(new Uri("files/sub/image.raw", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains("bytes", response.Headers.AcceptRanges);
    }

    [Fact]
    public async Task AnswersHeadWithTheContentLengthAndNoBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("files/sub/image.raw", UriKind.Relative));
        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content.Length, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ServesARangeAsPartialContent()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("files/sub/image.raw", UriKind.Relative));
        request.Headers.Range = new RangeHeaderValue(600, null);
        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(content[600..], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(600, response.Content.Headers.ContentRange?.From);
        Assert.Equal(content.Length, response.Content.Headers.ContentRange?.Length);
    }

    [Fact]
    public async Task AnswersARangePastTheEndWithRangeNotSatisfiable()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("files/sub/image.raw", UriKind.Relative));
        request.Headers.Range = new RangeHeaderValue(content.Length, null);
        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal(content.Length, response.Content.Headers.ContentRange?.Length);
    }

    [Fact]
    public async Task ServesTheWholeFileWhenIfRangeNamesAnotherVersion()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("files/sub/image.raw", UriKind.Relative));
        request.Headers.Range = new RangeHeaderValue(600, null);
        request.Headers.IfRange = new RangeConditionHeaderValue(new EntityTagHeaderValue("\"an-older-version\""));
        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(content, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("files/../outside.txt")]
    [InlineData("files/%2E%2E/outside.txt")]
    [InlineData("files/sub/%2E%2E%2F%2E%2E%2Foutside.txt")]
    [InlineData("files/sub/missing.raw")]
    public async Task AnswersNotFoundOutsideTheFolderOrForAMissingFile(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(client.BaseAddress!, path));
        using HttpResponseMessage response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task CutsTheFirstGetOfEachFileOffWhenAskedAndServesTheNextWhole()
    {
        await using var flaky = new LocalCloudHost(new LocalCloudOptions { FilesDirectory = Path.Combine(root, "served"), FilesDropFirstAfter = 300 });
        using var flakyClient = new HttpClient { BaseAddress = await flaky.StartAsync() };
        var file = new Uri("files/sub/image.raw", UriKind.Relative);

        using (HttpResponseMessage first = await flakyClient.GetAsync(file, HttpCompletionOption.ResponseHeadersRead))
        {
            Assert.Equal(content.Length, first.Content.Headers.ContentLength);
            await Assert.ThrowsAnyAsync<Exception>(() => first.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(content, await flakyClient.GetByteArrayAsync(file));
        Assert.Equal(10, CommandLine.Parse(["--files-drop-first-after", "10"]).FilesDropFirstAfter);
    }

    [Fact]
    public void TakesTheFolderFromTheCommandLine()
    {
        CommandLine line = CommandLine.Parse(["--files-directory", root]);

        Assert.Equal(Path.GetFullPath(root), line.FilesDirectory);
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--files-directory", Path.Combine(root, "missing")]));
    }
}
