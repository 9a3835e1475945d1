namespace Euca.Images.LocalCloud.Auth;

/// <summary>A request as it arrived on the wire, which is what a SigV4 signature covers: the method, the raw
/// (still percent-encoded) path and query, every header line (a name may repeat) and the body bytes.</summary>
public sealed record SigV4Request(
    string Method,
    string RawPath,
    string RawQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body)
{
    /// <summary>All values of a header (case-insensitive name) in arrival order.</summary>
    public IReadOnlyList<string> HeaderValues(string name) =>
        Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToArray();

    public string? SingleHeader(string name)
    {
        IReadOnlyList<string> values = HeaderValues(name);
        return values.Count == 0 ? null : string.Join(",", values);
    }
}
