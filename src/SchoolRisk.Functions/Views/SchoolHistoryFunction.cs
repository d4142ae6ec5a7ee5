using SchoolRisk.Application.Views;
using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>SchoolHistory</c>: <c>GET /api/schools/{school}/history</c> → <see cref="SchoolHistoryQuery.GetAsync"/>: the
/// school's zone and indicators in every period, oldest first; 404 for a school not in the registry, 403 for a key of
/// another municipality. See <c>SchoolHistory/function.json</c>.
/// </summary>
public static class SchoolHistoryFunction
{
    public static IEndpointRouteBuilder MapSchoolHistory(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/SchoolHistory", (InvocationRequest request, SchoolHistoryQuery query, CancellationToken cancellationToken) =>
            ViewRequest.HandleAsync(request, async (http, scope) => ViewRequest.Json(await query.GetAsync(scope, http.Param("school") ?? string.Empty, cancellationToken))));
        return endpoints;
    }
}
