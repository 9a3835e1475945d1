using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;

namespace Euca.Images.LocalCloud.Hosting;

/// <summary>
/// `GET`/`HEAD /files/PATH`: the files of one folder, read-only, for tests that download catalogs and images over
/// HTTP. ASP.NET Core's static file middleware gives what download clients rely on: `Content-Length` on HEAD, byte
/// ranges (206, 416 for a range past the end, If-Range), a strong ETag and Last-Modified. The physical file provider
/// refuses `..` segments, absolute paths and hidden or dot files, so nothing outside the folder is served; every
/// type is served as application/octet-stream unless its extension is known (a catalog's `.json`). With
/// `dropFirstAfter`, the first GET of each file is cut off after that many bytes (a dropped connection).
/// </summary>
internal static class StaticFilesEndpoint
{
    public const string RequestPath = "/files";

    public static void Map(WebApplication app, string directory, long? dropFirstAfter = null)
    {
        if (dropFirstAfter is long limit)
        {
            // The first GET of each path is cut off; keyed by path so a retry (with or without a range) gets through.
            var cut = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
            app.Use(async (context, next) =>
            {
                if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.StartsWithSegments(RequestPath)
                    && cut.TryAdd(context.Request.Path.Value ?? string.Empty, true))
                {
                    context.Response.Body = new CutOffStream(context.Response.Body, limit, context.Abort);
                }

                await next(context);
            });
        }

        var provider = new PhysicalFileProvider(Path.GetFullPath(directory), ExclusionFilters.Sensitive);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = provider,
            RequestPath = RequestPath,
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
        });
    }
}
