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
        if (!request.TryRead<RecalculationRequest>(TriggerBinding, out var message, out var error))
        {
            return FunctionJson.Failed(InvocationResponse.Log(error));
        }

        if (!Period.TryParse(message.Period, out var period))
        {
            return FunctionJson.Failed(InvocationResponse.Log($"The message names '{message.Period}', not a period like 2023-2024."));
        }

        return FunctionJson.Ok(InvocationResponse.Log(await recalculation.RunAsync(period, message.RuleSetVersion, cancellationToken)));
    }
}
