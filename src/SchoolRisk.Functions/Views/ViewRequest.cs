using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Functions.CustomHandler;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// The common part of the view functions: read the HTTP trigger <c>req</c>, work out the caller's
/// <see cref="AccessScope"/> and refuse a key that sees nothing (403), then answer. Messages people read are in Russian.
/// </summary>
public static class ViewRequest
{
    public const string TriggerBinding = "req";

    public static async Task<IResult> HandleAsync(InvocationRequest request, Func<HttpTriggerRequest, AccessScope, Task<IResult>> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (!HttpTriggerRequest.TryRead(request, TriggerBinding, out var http))
        {
            return FunctionJson.Failed(InvocationResponse.Log($"No HTTP request in binding '{TriggerBinding}'."));
        }

        var scope = AccessScope.Of(http);
        return scope.SeesAnything
            ? await answer(http, scope)
            : HttpOutput.Error(StatusCodes.Status403Forbidden, $"Ключ «{http.KeyName}» не даёт доступа к данным: нужен ключ комитета или муниципалитета.");
    }

    public static IResult Forbidden(string municipalityId) =>
        HttpOutput.Error(StatusCodes.Status403Forbidden, $"Ключ не даёт доступа к данным муниципалитета «{municipalityId}».");

    public static IResult NotFound(string what) => HttpOutput.Error(StatusCodes.Status404NotFound, what);

    /// <summary>404 for a route's period that is not a school year.</summary>
    public static IResult NotAPeriod(string? text) => NotFound($"«{text}» — не учебный год вида 2023-2024.");

    /// <summary>Why a stored result's school is in its zone, in Russian (<see cref="ZoneReasonText"/>); empty outside the risk zones.</summary>
    public static IReadOnlyList<string> ZoneReasons(StoredResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var zones = result.Indicators.Values.Select(indicator => indicator.Zone).Where(zone => zone != Zone.None).ToList();
        return ZoneReasonText.Describe(OverallZonePolicy.Default.ReasonsFor(zones, result.Classification), zones);
    }

    /// <summary>Every catalog indicator of a stored result, with its Russian title.</summary>
    public static IReadOnlyList<IndicatorView> Indicators(StoredResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. IndicatorCatalog.All.Select(indicator => result.Indicators.TryGetValue(indicator.Id, out var value)
            ? new IndicatorView(indicator.Id, indicator.Title, value.Value, value.Zone)
            : new IndicatorView(indicator.Id, indicator.Title, null, Domain.Zones.Zone.None))];
    }
}
