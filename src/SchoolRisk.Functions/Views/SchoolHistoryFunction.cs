using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>SchoolHistory</c>: <c>GET /api/schools/{school}/history</c>. The school's zone and indicators in every period,
/// oldest first; 404 for a school not in the registry, 403 for a key of another municipality. See <c>SchoolHistory/function.json</c>.
/// </summary>
public static class SchoolHistoryFunction
{
    public static IEndpointRouteBuilder MapSchoolHistory(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/SchoolHistory", (InvocationRequest request, ResultTable results, RegistryStore registry, CancellationToken cancellationToken) =>
            ViewRequest.HandleAsync(request, async (http, scope) =>
            {
                var schoolId = http.Param("school") ?? string.Empty;
                if ((await registry.LoadAsync(cancellationToken)).Find(schoolId) is not { } school)
                {
                    return ViewRequest.NotFound($"Школы «{schoolId}» нет в реестре.");
                }

                if (!scope.Sees(school.MunicipalityId))
                {
                    return ViewRequest.Forbidden(school.MunicipalityId);
                }

                var history = await results.HistoryAsync(school.Id, cancellationToken);
                return HttpOutput.Json(StatusCodes.Status200OK, new SchoolHistoryView(
                    school.Id, school.Name, school.MunicipalityId,
                    [.. history.Select(result => new SchoolPeriodView(result.Period.ToString(), result.OverallZone, ViewRequest.ZoneReasons(result), ViewRequest.Indicators(result), result.Classification.LowResults))]));
            }));
        return endpoints;
    }
}
