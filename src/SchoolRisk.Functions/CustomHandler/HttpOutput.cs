using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace SchoolRisk.Functions.CustomHandler;

/// <summary>
/// The answer of an HTTP-triggered function: its <c>http</c> output binding (<c>res</c>) with status, headers and a
/// JSON body (camelCase names, enums as camelCase strings, Cyrillic written as is).
/// </summary>
public static class HttpOutput
{
    public const string Binding = "res";

    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IResult Json(int statusCode, object body, params IReadOnlyList<string> logs) =>
        Text(statusCode, "application/json; charset=utf-8", JsonSerializer.Serialize(body, JsonOptions), logs);

    /// <summary>A text answer (HTML, script, style) of the given content type; not cached, so a deployment shows at once.</summary>
    public static IResult Text(int statusCode, string contentType, string body, params IReadOnlyList<string> logs)
    {
        var response = new Dictionary<string, object?>
        {
            ["statusCode"] = statusCode,
            ["headers"] = new Dictionary<string, string> { ["Content-Type"] = contentType, ["Cache-Control"] = "no-cache" },
            ["body"] = body,
        };
        return FunctionJson.Ok(new InvocationResponse(new Dictionary<string, object?> { [Binding] = response }, logs));
    }

    /// <summary>An error the caller can act on: <c>{"error": message, "problems": [...]}</c>.</summary>
    public static IResult Error(int statusCode, string message, IReadOnlyList<string>? problems = null) =>
        Json(statusCode, new HttpError(message, problems ?? []), message);
}

/// <summary>The body of an HTTP function's error answer.</summary>
public sealed record HttpError(string Error, IReadOnlyList<string> Problems);
