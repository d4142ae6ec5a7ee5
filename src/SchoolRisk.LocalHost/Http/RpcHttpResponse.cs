using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Grpc.Messages;
using SchoolRisk.LocalHost.Bindings;

namespace SchoolRisk.LocalHost.Http;

/// <summary>
/// Writes a function's <c>http</c> output as the HTTP response. An <c>RpcHttp</c> (what <c>HttpResponseData</c>
/// becomes) gives the status (<c>status_code</c> is text; empty is 200), the headers, the cookies and the body
/// (<c>bytes</c>, or text); any other value is a 200 whose body is that value (JSON as <c>application/json</c>); no
/// value is a 204.
/// </summary>
internal static class RpcHttpResponse
{
    private static readonly HashSet<string> FramingHeaders = new(StringComparer.OrdinalIgnoreCase) { "Content-Length", "Transfer-Encoding" };

    public static async Task WriteAsync(HttpResponse response, TypedData? output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (output is null || output.DataCase == TypedData.DataOneofCase.None)
        {
            response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        if (output.DataCase != TypedData.DataOneofCase.Http)
        {
            if (output.DataCase == TypedData.DataOneofCase.Json)
            {
                response.ContentType = "application/json; charset=utf-8";
            }

            await WriteBodyAsync(response, output, cancellationToken);
            return;
        }

        var http = output.Http;
        response.StatusCode = string.IsNullOrEmpty(http.StatusCode) ? StatusCodes.Status200OK : int.Parse(http.StatusCode, CultureInfo.InvariantCulture);
        foreach (var (name, value) in http.Headers.Where(header => !FramingHeaders.Contains(header.Key)))
        {
            response.Headers[name] = value;
        }

        foreach (var cookie in http.Cookies)
        {
            response.Cookies.Append(cookie.Name, cookie.Value, Options(cookie));
        }

        await WriteBodyAsync(response, http.Body, cancellationToken);
    }

    private static async Task WriteBodyAsync(HttpResponse response, TypedData? body, CancellationToken cancellationToken)
    {
        if (body?.DataCase == TypedData.DataOneofCase.Bytes)
        {
            await response.Body.WriteAsync(body.Bytes.Memory, cancellationToken);
        }
        else if (TypedDataValue.ToContent(body) is { Length: > 0 } content)
        {
            await response.Body.WriteAsync(content, cancellationToken);
        }
    }

    private static CookieOptions Options(RpcHttpCookie cookie) => new()
    {
        Domain = cookie.Domain?.Value,
        Path = cookie.Path?.Value ?? "/",
        Expires = cookie.Expires?.Value?.ToDateTimeOffset(),
        Secure = cookie.Secure?.Value ?? false,
        HttpOnly = cookie.HttpOnly?.Value ?? false,
        MaxAge = cookie.MaxAge?.Value is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        SameSite = cookie.SameSite switch
        {
            RpcHttpCookie.Types.SameSite.Lax => SameSiteMode.Lax,
            RpcHttpCookie.Types.SameSite.Strict => SameSiteMode.Strict,
            RpcHttpCookie.Types.SameSite.ExplicitNone => SameSiteMode.None,
            _ => SameSiteMode.Unspecified,
        },
    };
}
