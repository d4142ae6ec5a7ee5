using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using SchoolRisk.Application.Views;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>Notes</c>: <c>GET /api/notes/{municipality}/{period}</c> → <see cref="NoteQuery.GetAsync"/>: the municipality's
/// analytical note of the period (printable HTML, written after each recalculation); 403 for a key of another municipality.
/// </summary>
public sealed class NotesFunction(NoteQuery query)
{
    [Function("Notes")]
    public Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "notes/{municipality}/{period}")] HttpRequestData request,
        string municipality, string period, CancellationToken cancellationToken) =>
        ViewAnswers.HtmlAsync(request, scope => query.GetAsync(scope, municipality, period, cancellationToken), cancellationToken);
}
