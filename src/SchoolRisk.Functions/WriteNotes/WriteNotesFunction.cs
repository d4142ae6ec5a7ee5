using SchoolRisk.Domain.Periods;
using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.WriteNotes;

/// <summary>
/// <c>WriteNotes</c>: queue trigger <c>request</c> on <c>note-requests</c> (a <see cref="NoteRequest"/>, queued by
/// <c>Recalculate</c>); writes the period's analytical notes (<see cref="AnalyticalNoteWriter"/>). See <c>WriteNotes/function.json</c>.
/// </summary>
public static class WriteNotesFunction
{
    public const string TriggerBinding = "request";

    public static IEndpointRouteBuilder MapWriteNotes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/WriteNotes", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(InvocationRequest request, AnalyticalNoteWriter writer, CancellationToken cancellationToken)
    {
        if (!request.TryRead<NoteRequest>(TriggerBinding, out var message, out var error) || !Period.TryParse(message.Period, out var period))
        {
            return FunctionJson.Failed(InvocationResponse.Log(error ?? $"The message names '{message?.Period}', not a period like 2023-2024."));
        }

        return FunctionJson.Ok(InvocationResponse.Log(await writer.WriteAsync(period, message.RecalculationStartedAt, cancellationToken)));
    }
}
