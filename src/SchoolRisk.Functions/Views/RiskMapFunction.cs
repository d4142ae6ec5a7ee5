using SchoolRisk.Application.Views;
using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>RiskMap</c>: <c>GET /api/map/{period}</c> → <see cref="RiskMapQuery.GetAsync"/>: every municipality the key may
/// see, with its zone and its schools per zone; the periods there are, newest first (<c>latest</c> as the period picks
/// the newest). See <c>RiskMap/function.json</c>.
/// </summary>
public static class RiskMapFunction
{
    public static IEndpointRouteBuilder MapRiskMap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/RiskMap", (InvocationRequest request, RiskMapQuery query, CancellationToken cancellationToken) =>
            ViewRequest.HandleAsync(request, async (http, scope) => ViewRequest.Json(await query.GetAsync(scope, http.Param("period"), cancellationToken))));
        return endpoints;
    }
}
