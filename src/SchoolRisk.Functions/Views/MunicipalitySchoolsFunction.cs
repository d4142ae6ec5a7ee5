using SchoolRisk.Domain.Periods;
using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>MunicipalitySchools</c>: <c>GET /api/municipalities/{municipality}/{period}</c>. The municipality's schools with
/// every indicator's value and zone, worst zone first; 403 for a key of another municipality. See <c>MunicipalitySchools/function.json</c>.
/// </summary>
public static class MunicipalitySchoolsFunction
{
    public static IEndpointRouteBuilder MapMunicipalitySchools(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/MunicipalitySchools", (InvocationRequest request, ResultTable results, RecipientStore recipients, CancellationToken cancellationToken) =>
            ViewRequest.HandleAsync(request, async (http, scope) =>
            {
                var municipality = http.Param("municipality") ?? string.Empty;
                if (!scope.Sees(municipality))
                {
                    return ViewRequest.Forbidden(municipality);
                }

                if (!Period.TryParse(http.Param("period"), out var period))
                {
                    return ViewRequest.NotAPeriod(http.Param("period"));
                }

                var schools = await results.ListAsync(period, municipality, cancellationToken)
                    .OrderByDescending(result => result.OverallZone).ThenBy(result => result.SchoolId, StringComparer.Ordinal)
                    .Select(result => new SchoolView(
                        result.SchoolId, result.SchoolName, result.OverallZone, ViewRequest.ZoneReasons(result), ViewRequest.Indicators(result), result.Classification, result.Assessment.Rank, result.RuleSetVersion))
                    .ToListAsync(cancellationToken);
                var name = (await recipients.LoadAsync(cancellationToken)).NameOf(municipality);
                return HttpOutput.Json(StatusCodes.Status200OK, new MunicipalitySchoolsView(period.ToString(), municipality, name, schools));
            }));
        return endpoints;
    }
}
