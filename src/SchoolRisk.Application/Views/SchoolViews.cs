using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Evaluation.Editing;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Zones;
using SchoolRisk.Storage.Results;

namespace SchoolRisk.Application.Views;

/// <summary>The parts of a stored result that the school views show.</summary>
internal static class SchoolViews
{
    /// <summary>
    /// Why a stored result's school is in its zone, in Russian (<see cref="ZoneReasonText"/>): the indicators, and the
    /// classification (ШНОР, ШНСУ) when it is what put the school there; empty outside the risk zones.
    /// </summary>
    public static IReadOnlyList<string> ZoneReasons(StoredResult result)
    {
        var zones = result.Indicators.Values.Select(indicator => indicator.Zone).Where(zone => zone != Zone.None).ToList();
        return ZoneReasonText.Describe(OverallZonePolicy.Default.ReasonsFor(zones, result.Classification), zones);
    }

    /// <summary>
    /// Every catalog indicator of a stored result, with its Russian title, unit and direction, and its thresholds in
    /// <paramref name="tables"/>' table of the result's rule set version (none when that version is not there); <c>null</c>
    /// value and no zone when not reported.
    /// </summary>
    public static IReadOnlyList<IndicatorView> Indicators(StoredResult result, IReadOnlyDictionary<RuleSetVersion, RuleTable> tables)
    {
        var thresholds = tables.TryGetValue(result.RuleSetVersion, out var table)
            ? table.Indicators.ToDictionary(indicator => indicator.Id, StringComparer.Ordinal)
            : [];
        return [.. IndicatorCatalog.All.Select(indicator =>
        {
            var (value, zone) = result.Indicators.TryGetValue(indicator.Id, out var stored) ? (stored.Value, stored.Zone) : (null, Zone.None);
            var threshold = thresholds.GetValueOrDefault(indicator.Id);
            return new IndicatorView(
                indicator.Id, indicator.Title, value, zone, indicator.Unit, indicator.Unit.Symbol(), indicator.WorseWhen, threshold?.Medium?.Threshold, threshold?.High?.Threshold);
        })];
    }
}
