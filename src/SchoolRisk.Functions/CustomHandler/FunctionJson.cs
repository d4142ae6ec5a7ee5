using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchoolRisk.Functions.CustomHandler;

/// <summary>JSON of the handler's payloads and queue messages: property names as declared, enums as camelCase strings.</summary>
public static class FunctionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        PropertyNameCaseInsensitive = true,
    };

    public static IResult Ok(InvocationResponse response) => Results.Json(response, Options);

    /// <summary>A failed invocation: the host retries the message, then moves it to the poison queue.</summary>
    public static IResult Failed(InvocationResponse response) =>
        Results.Json(response, Options, statusCode: StatusCodes.Status500InternalServerError);
}
