using System.Net;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.Azure.Functions.Worker.Http;

namespace SchoolRisk.Functions.Http;

/// <summary>
/// The answers of the HTTP functions: JSON (camelCase names, enums as camelCase strings, Cyrillic written as is) or text,
/// never cached, so a deployment shows at once; an error is <c>{"error": message, "problems": [...]}</c>.
/// </summary>
public static class HttpAnswers
{
    /// <summary>The JSON of every HTTP answer.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary><paramref name="body"/> as JSON with <paramref name="status"/>.</summary>
    public static Task<HttpResponseData> JsonAsync(this HttpRequestData request, HttpStatusCode status, object body, CancellationToken cancellationToken) =>
        request.TextAsync(status, "application/json; charset=utf-8", JsonSerializer.Serialize(body, JsonOptions), cancellationToken);

    /// <summary>A text answer (HTML, script, style, plain) of the given content type.</summary>
    public static async Task<HttpResponseData> TextAsync(
        this HttpRequestData request, HttpStatusCode status, string contentType, string body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.CreateResponse(status);
        response.Headers.Add("Content-Type", contentType);
        response.Headers.Add("Cache-Control", "no-cache");
        await response.WriteStringAsync(body, cancellationToken);
        return response;
    }

    /// <summary>
    /// A file to download: <paramref name="content"/> as <paramref name="contentType"/>, with a
    /// <c>Content-Disposition: attachment</c> naming it <paramref name="fileName"/>, never cached.
    /// </summary>
    public static async Task<HttpResponseData> FileAsync(
        this HttpRequestData request, string fileName, string contentType, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = request.CreateResponse(HttpStatusCode.OK);
        response.Headers.Add("Content-Type", contentType);
        response.Headers.Add("Content-Disposition", new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString());
        response.Headers.Add("Cache-Control", "no-cache");
        await response.Body.WriteAsync(content, cancellationToken);
        return response;
    }

    /// <summary>An error the caller can act on, in Russian, with every problem found.</summary>
    public static Task<HttpResponseData> ErrorAsync(
        this HttpRequestData request, HttpStatusCode status, string message, CancellationToken cancellationToken, IReadOnlyList<string>? problems = null) =>
        request.JsonAsync(status, new HttpError(message, problems ?? []), cancellationToken);
}

/// <summary>The body of an HTTP function's error answer.</summary>
public sealed record HttpError(string Error, IReadOnlyList<string> Problems);
