using SchoolRisk.Application.Recalculation;
using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.Recalculate;

/// <summary>
/// <c>Recalculate</c>: queue trigger <c>request</c> on <c>period-recalculations</c> (a <see cref="RecalculationRequest"/>,
/// written by Ingest when an upload completes and by a rule activation that asks for re-evaluation) →
/// <see cref="PeriodRecalculation.RecalculateAsync"/>; queue output <c>notice</c> on <c>risk-notifications</c>: one
/// <see cref="Application.Notices.NoticeMessage"/> per municipality whose zones a rule change moved; queue output
/// <c>notes</c> on <c>note-requests</c>: a <see cref="Application.Notes.NoteRequest"/> for the period's analytical notes.
/// See <c>Recalculate/function.json</c>.
/// </summary>
public static class RecalculateFunction
{
    public const string TriggerBinding = "request";
    public const string NoticeBinding = "notice";
    public const string NotesBinding = "notes";

    public static IEndpointRouteBuilder MapRecalculate(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Recalculate", HandleAsync);
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(InvocationRequest request, PeriodRecalculation recalculation, CancellationToken cancellationToken)
    {
        if (!request.TryReadPeriodMessage<RecalculationRequest>(TriggerBinding, out var message, out var period, out var error))
        {
            return FunctionJson.Failed(InvocationResponse.Log(error));
        }

        var outcome = await recalculation.RecalculateAsync(period, message, cancellationToken);
        var outputs = new Dictionary<string, object?>()
            .WithEach(NoticeBinding, outcome.Notices)
            .With(NotesBinding, outcome.Notes);
        return FunctionJson.Ok(new InvocationResponse(outputs, [outcome.Summary]));
    }
}
