using SchoolRisk.Application.Views;
using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>MunicipalitySchools</c>: <c>GET /api/municipalities/{municipality}/{period}</c> → <see cref="MunicipalitySchoolsQuery.GetAsync"/>:
/// the municipality's schools with every indicator's value and zone, worst zone first; 403 for a key of another
/// municipality. See <c>MunicipalitySchools/function.json</c>.
/// </summary>
public static class MunicipalitySchoolsFunction
{
    public static IEndpointRouteBuilder MapMunicipalitySchools(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/MunicipalitySchools", (InvocationRequest request, MunicipalitySchoolsQuery query, CancellationToken cancellationToken) =>
            ViewRequest.HandleAsync(request, async (http, scope) =>
                ViewRequest.Json(await query.GetAsync(scope, http.Param("municipality") ?? string.Empty, http.Param("period"), cancellationToken))));
        return endpoints;
    }
}
