using SchoolRisk.Domain.Notices.Notes;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Storage.Reports;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>Notes</c>: <c>GET /api/notes/{municipality}/{period}</c>. The municipality's analytical note of the period
/// (printable HTML, written by each recalculation); 403 for a key of another municipality. See <c>Notes/function.json</c>.
/// </summary>
public static class NotesFunction
{
    public static IEndpointRouteBuilder MapNotes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Notes", (InvocationRequest request, ReportStore reports, CancellationToken cancellationToken) =>
            ViewRequest.HandleAsync(request, async (http, scope) =>
            {
                var municipality = http.Param("municipality") ?? string.Empty;
                if (!scope.Sees(municipality))
                {
                    return ViewRequest.Forbidden(municipality);
                }

                return Period.TryParse(http.Param("period"), out var period) && await reports.TryReadTextAsync(AnalyticalNote.BlobName(period, municipality), cancellationToken) is { } html
                    ? HttpOutput.Text(StatusCodes.Status200OK, "text/html; charset=utf-8", html)
                    : ViewRequest.NotFound($"Справки по «{municipality}» за «{http.Param("period")}» нет: она появляется после пересчёта региона.");
            }));
        return endpoints;
    }
}
