using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchoolRisk.Functions.CustomHandler;

/// <summary>
/// JSON of the handler's protocol with the Functions host (invocations and their answers): property names as declared,
/// enums as camelCase strings. Queue messages are <see cref="Application.Messaging.MessageJson"/>'s.
/// </summary>
public static class FunctionJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        PropertyNameCaseInsensitive = true,
    };

    public static IResult Ok(InvocationResponse response) => Results.Json(response, Options);

    /// <summary>A queue-triggered workflow's answer without outputs: failed when it asks for the message again, so the host retries it.</summary>
    public static IResult Of(Application.Messaging.MessageOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Retry ? Failed(InvocationResponse.Log(outcome.Log)) : Ok(InvocationResponse.Log(outcome.Log));
    }

    /// <summary>A failed invocation: the host retries the message, then moves it to the poison queue.</summary>
    public static IResult Failed(InvocationResponse response) =>
        Results.Json(response, Options, statusCode: StatusCodes.Status500InternalServerError);
}
