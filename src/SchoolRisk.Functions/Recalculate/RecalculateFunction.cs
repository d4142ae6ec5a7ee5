using System.Text.Json;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.Recalculate;

/// <summary><c>Recalculate</c>: queue trigger <c>request</c> on <c>period-recalculations</c>, written by Ingest when an upload completes. See <c>Recalculate/function.json</c>.</summary>
public static class RecalculateFunction
{
    public const string TriggerBinding = "request";

    public static IEndpointRouteBuilder MapRecalculate(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Recalculate", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(InvocationRequest request, RegionalRecalculation recalculation, CancellationToken cancellationToken)
    {
        RecalculationRequest? message;
        try
        {
            message = JsonSerializer.Deserialize<RecalculationRequest>(request.TextOf(TriggerBinding) ?? "null", FunctionJson.Options);
        }
        catch (JsonException exception)
        {
            return FunctionJson.Failed(InvocationResponse.Log($"The message is not a recalculation request: {exception.Message}"));
        }

        if (message is null || !Period.TryParse(message.Period, out var period))
        {
            return FunctionJson.Failed(InvocationResponse.Log("The message names no period like 2023-2024."));
        }

        return FunctionJson.Ok(InvocationResponse.Log(await recalculation.RunAsync(period, cancellationToken)));
    }
}
