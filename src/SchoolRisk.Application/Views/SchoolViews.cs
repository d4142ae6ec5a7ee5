using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Application.Views;

/// <summary>The parts of a stored result that the school views show.</summary>
internal static class SchoolViews
{
    /// <summary>Why a stored result's school is in its zone, in Russian (<see cref="ZoneReasonText"/>); empty outside the risk zones.</summary>
    public static IReadOnlyList<string> ZoneReasons(StoredResult result)
    {
        var zones = result.Indicators.Values.Select(indicator => indicator.Zone).Where(zone => zone != Zone.None).ToList();
        return ZoneReasonText.Describe(OverallZonePolicy.Default.ReasonsFor(zones, result.Classification), zones);
    }

    /// <summary>Every catalog indicator of a stored result, with its Russian title; <c>null</c> value and no zone when not reported.</summary>
    public static IReadOnlyList<IndicatorView> Indicators(StoredResult result) =>
        [.. IndicatorCatalog.All.Select(indicator => result.Indicators.TryGetValue(indicator.Id, out var value)
            ? new IndicatorView(indicator.Id, indicator.Title, value.Value, value.Zone)
            : new IndicatorView(indicator.Id, indicator.Title, null, Zone.None))];
}
