using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Storage.Municipalities;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// <c>RiskMap</c>: <c>GET /api/map/{period}</c>. Every municipality the key may see, with its zone and its schools per
/// zone; the periods there are, newest first (<c>latest</c> as the period picks the newest). See <c>RiskMap/function.json</c>.
/// </summary>
public static class RiskMapFunction
{
    public static IEndpointRouteBuilder MapRiskMap(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/RiskMap", (InvocationRequest request, MunicipalityTable municipalities, ResultTable results, RecipientStore recipients, CancellationToken cancellationToken) =>
            ViewRequest.HandleAsync(request, async (http, scope) =>
            {
                var periods = await municipalities.PeriodsAsync(cancellationToken);
                var asked = http.Param("period");
                if (asked == "latest" && periods.Count == 0)
                {
                    return HttpOutput.Json(StatusCodes.Status200OK, new RiskMapView(string.Empty, [], []));
                }

                var period = asked == "latest" ? periods[0] : Period.TryParse(asked, out var parsed) ? parsed : (Period?)null;
                if (period is null)
                {
                    return ViewRequest.NotAPeriod(asked);
                }

                var names = await recipients.LoadAsync(cancellationToken);
                var schools = (await results.ListAsync(period.Value, cancellationToken).ToListAsync(cancellationToken)).ToLookup(result => result.MunicipalityId);
                var rows = await municipalities.ListAsync(period.Value, cancellationToken)
                    .Where(summary => scope.Sees(summary.MunicipalityId))
                    .Select(summary => new MunicipalityRow(
                        summary.MunicipalityId, names.NameOf(summary.MunicipalityId), summary.Zone, summary.SchoolZone, summary.RubricZone,
                        schools[summary.MunicipalityId].Count(),
                        schools[summary.MunicipalityId].Count(result => result.OverallZone == Zone.High),
                        schools[summary.MunicipalityId].Count(result => result.OverallZone == Zone.Medium),
                        schools[summary.MunicipalityId].Count(result => result.OverallZone == Zone.None),
                        schools[summary.MunicipalityId].Count(result => result.Classification.LowResults)))
                    .OrderBy(row => row.Name, StringComparer.Ordinal)
                    .ToListAsync(cancellationToken);
                return HttpOutput.Json(StatusCodes.Status200OK, new RiskMapView(period.Value.ToString(), [.. periods.Select(p => p.ToString())], rows));
            }));
        return endpoints;
    }
}
