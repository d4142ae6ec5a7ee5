using SchoolRisk.Application.Views;
using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>Notes</c>: <c>GET /api/notes/{municipality}/{period}</c> → <see cref="NoteQuery.GetAsync"/>: the municipality's
/// analytical note of the period (printable HTML, written by each recalculation); 403 for a key of another
/// municipality. See <c>Notes/function.json</c>.
/// </summary>
public static class NotesFunction
{
    public static IEndpointRouteBuilder MapNotes(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Notes", (InvocationRequest request, NoteQuery query, CancellationToken cancellationToken) =>
            ViewRequest.HandleAsync(request, async (http, scope) =>
                ViewRequest.Html(await query.GetAsync(scope, http.Param("municipality") ?? string.Empty, http.Param("period"), cancellationToken))));
        return endpoints;
    }
}
