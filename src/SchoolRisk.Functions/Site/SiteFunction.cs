using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.Site;

/// <summary>
/// <c>Site</c>: <c>GET /api/site/{*path}</c>, anonymous. The web page and its assets, shipped with the handler in its
/// <c>site/</c> folder (the page, its script and style, and Chart.js from <c>package.json</c>): no internet needed. The
/// data it shows comes from the view functions, which need a key. See <c>Site/function.json</c>.
/// </summary>
public static class SiteFunction
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    public static IEndpointRouteBuilder MapSite(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Site", async (InvocationRequest request, CancellationToken cancellationToken) =>
        {
            if (!HttpTriggerRequest.TryRead(request, "req", out var http))
            {
                return FunctionJson.Failed(InvocationResponse.Log("No HTTP request in binding 'req'."));
            }

            var root = Path.Combine(AppContext.BaseDirectory, "site");
            var path = Path.GetFullPath(Path.Combine(root, http.Param("path") is { Length: > 0 } asked ? asked : "index.html"));
            return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(path)
                && ContentTypes.TryGetValue(Path.GetExtension(path), out var contentType)
                ? HttpOutput.Text(StatusCodes.Status200OK, contentType, await File.ReadAllTextAsync(path, cancellationToken))
                : HttpOutput.Text(StatusCodes.Status404NotFound, "text/plain; charset=utf-8", "Нет такой страницы.");
        });
        return endpoints;
    }
}
