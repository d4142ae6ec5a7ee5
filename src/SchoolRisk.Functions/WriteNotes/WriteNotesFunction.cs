using SchoolRisk.Application.Notes;
using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.WriteNotes;

/// <summary>
/// <c>WriteNotes</c>: queue trigger <c>request</c> on <c>note-requests</c> (a <see cref="NoteRequest"/>, queued by
/// <c>Recalculate</c>) → <see cref="AnalyticalNoteWriter.WriteAsync"/>: the period's analytical notes. See <c>WriteNotes/function.json</c>.
/// </summary>
public static class WriteNotesFunction
{
    public const string TriggerBinding = "request";

    public static IEndpointRouteBuilder MapWriteNotes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/WriteNotes", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(InvocationRequest request, AnalyticalNoteWriter writer, CancellationToken cancellationToken) =>
        request.TryReadPeriodMessage<NoteRequest>(TriggerBinding, out var message, out var period, out var error)
            ? FunctionJson.Ok(InvocationResponse.Log(await writer.WriteAsync(period, message.RecalculationStartedAt, cancellationToken)))
            : FunctionJson.Failed(InvocationResponse.Log(error));
}
