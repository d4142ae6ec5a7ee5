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
        if (!request.TryReadPeriodMessage<NoteRequest>(TriggerBinding, out var message, out var period, out var error))
        {
            return FunctionJson.Failed(InvocationResponse.Log(error));
        }

        return FunctionJson.Ok(InvocationResponse.Log(await writer.WriteAsync(period, message.RecalculationStartedAt, cancellationToken)));
    }
}
