using Euca.Images.LocalCloud.Actions;
using Euca.Images.LocalCloud.Auth;
using Euca.Images.LocalCloud.Protocol;
using Euca.Images.LocalCloud.Registration;
using Euca.Images.LocalCloud.State;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Euca.Images.LocalCloud.Hosting;

/// <summary>The HTTP side of the EC2 query protocol: path to service, parameters from the query string and the form
/// body, the signature check (an Authorization header is SigV4; `Signature` among the parameters is signature version
/// 2), dispatch to the action, and the XML answer (in the namespace of the request's Version) or EC2 error document.</summary>
internal sealed class QueryEndpoint(CloudState state, ActionRegistry actions, SigV4Verifier verifier, QuerySignatureV2Verifier queryVerifier,
    TimeProvider time, CloudServices cloudServices)
{
    /// <summary>EC2 query requests are small; anything larger is not a query request.</summary>
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    public async Task HandleAsync(HttpContext http)
    {
        string requestId = Guid.NewGuid().ToString();
        try
        {
            if (!TryGetServices(http.Request.Path.Value ?? "/", out CloudService[] services))
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsPost(http.Request.Method))
            {
                http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
            }

            byte[] body = await ReadBodyAsync(http.Request, http.RequestAborted);
            (string rawPath, string rawQuery) = RawTarget(http);
            QueryParameters parameters = ParseParameters(rawQuery, body, http.Request.ContentType);
            AccessKey key = http.Request.Headers.Authorization.Count == 0 && QuerySignatureV2Verifier.IsQuerySigned(parameters)
                ? queryVerifier.Verify(http.Request.Method, http.Request.Host.Value ?? "", rawPath, parameters)
                : verifier.Verify(new SigV4Request(http.Request.Method, rawPath, rawQuery, HeaderLines(http.Request), body));
            CallerIdentity caller = state.FindCallerByAccessKey(key.AccessKeyId)!;

            string actionName = parameters.Get("Action") ?? throw CloudErrors.MissingAction();
            ICloudAction action = actions.Find(actionName) is { } found && services.Contains(found.Service)
                ? found
                : throw CloudErrors.InvalidAction(actionName);
            var context = new ActionContext(caller, parameters, state, time, cloudServices)
            {
                EndpointUrl = new Uri($"{http.Request.Scheme}://{http.Request.Host}/"),
            };
            ActionResponse response = await action.ExecuteAsync(context, http.RequestAborted);
            await WriteAsync(http, StatusCodes.Status200OK, ResponseSerializer.Serialize(response, requestId, parameters.Get("Version")));
        }
        catch (CloudErrorException error)
        {
            await WriteAsync(http, error.StatusCode, ResponseSerializer.SerializeError(error, requestId));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"LocalCloud: request {requestId} failed: {e}");
            var error = new CloudErrorException(StatusCodes.Status500InternalServerError, "InternalError", "The local cloud failed to serve the request.");
            await WriteAsync(http, error.StatusCode, ResponseSerializer.SerializeError(error, requestId));
        }
    }

    /// <summary>Eucalyptus paths: /services/compute (EC2) and /services/Empyrean (bootstrap); `/` serves both,
    /// as a cloud with DNS names (compute.DOMAIN, bootstrap.DOMAIN) does.</summary>
    private static bool TryGetServices(string path, out CloudService[] services)
    {
        string trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        services = trimmed switch
        {
            "/" => [CloudService.Compute, CloudService.Bootstrap],
            _ when trimmed.Equals("/services/compute", StringComparison.OrdinalIgnoreCase) => [CloudService.Compute],
            _ when trimmed.Equals("/services/Empyrean", StringComparison.OrdinalIgnoreCase) => [CloudService.Bootstrap],
            _ => [],
        };
        return services.Length > 0;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw CloudErrors.InvalidParameterValue("The request body is too large for a query request.");
        }

        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw CloudErrors.InvalidParameterValue("The request body is too large for a query request.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>The request target exactly as sent (SigV4 signs the encoded form, not ASP.NET's decoded Path).</summary>
    private static (string Path, string Query) RawTarget(HttpContext http)
    {
        string target = http.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (http.Request.Path + http.Request.QueryString);
        int question = target.IndexOf('?');
        return question < 0 ? (target, "") : (target[..question], target[(question + 1)..]);
    }

    private static List<KeyValuePair<string, string>> HeaderLines(HttpRequest request)
    {
        var lines = new List<KeyValuePair<string, string>>();
        foreach ((string name, StringValues values) in request.Headers)
        {
            foreach (string? value in values)
            {
                lines.Add(new KeyValuePair<string, string>(name, value ?? ""));
            }
        }

        return lines;
    }

    private static QueryParameters ParseParameters(string rawQuery, byte[] body, string? contentType)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        AddAll(values, rawQuery);
        if (contentType is not null && contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            AddAll(values, System.Text.Encoding.UTF8.GetString(body));
        }

        return new QueryParameters(values);
    }

    private static void AddAll(Dictionary<string, string> values, string encoded)
    {
        foreach ((string name, StringValues value) in QueryHelpers.ParseQuery(encoded))
        {
            values[name] = value.ToString();
        }
    }

    private static async Task WriteAsync(HttpContext http, int statusCode, byte[] document)
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/xml;charset=UTF-8";
        http.Response.ContentLength = document.Length;
        await http.Response.Body.WriteAsync(document, http.RequestAborted);
    }
}
