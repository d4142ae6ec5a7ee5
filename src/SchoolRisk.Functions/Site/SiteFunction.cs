using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Functions.Http;

namespace SchoolRisk.Functions.Site;

/// <summary>
/// <c>Site</c>: <c>GET /api/site/{*path}</c>, anonymous. The web page and its assets, shipped with the app in its
/// <c>site/</c> folder (the page, its script and style, and Chart.js from <c>package.json</c>): no internet needed. The
/// data it shows comes from the view functions, which need a key.
/// </summary>
public sealed class SiteFunction
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    [Function("Site")]
    public static async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "site/{*path}")] HttpRequestData request, string? path, CancellationToken cancellationToken)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "site");
        var file = Path.GetFullPath(Path.Combine(root, path is { Length: > 0 } ? path : "index.html"));
        return file.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(file)
            && ContentTypes.TryGetValue(Path.GetExtension(file), out var contentType)
            ? await request.TextAsync(HttpStatusCode.OK, contentType, await File.ReadAllTextAsync(file, cancellationToken), cancellationToken)
            : await request.TextAsync(HttpStatusCode.NotFound, "text/plain; charset=utf-8", "Нет такой страницы.", cancellationToken);
    }
}
