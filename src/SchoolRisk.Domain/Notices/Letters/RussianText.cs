using System.Globalization;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices.Letters;

/// <summary>How letters write zones, indicators and numbers: in Russian, numbers exact, with the indicator's unit.</summary>
internal static class RussianText
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("ru-RU");

    public static string Zone(Zone zone) => zone switch
    {
        Zones.Zone.High => "высокий риск",
        Zones.Zone.Medium => "средний риск",
        _ => "вне зоны риска",
    };

    public static string Indicator(string indicatorId) => IndicatorCatalog.Find(indicatorId)?.Title ?? indicatorId;

    public static string Value(string indicatorId, decimal? value)
    {
        if (value is not { } number)
        {
            return "нет данных";
        }

        return IndicatorCatalog.Find(indicatorId)?.Unit switch
        {
            IndicatorUnit.Percent => $"{number.ToString("0.##", Culture)} %",
            IndicatorUnit.PerThousand => $"{number.ToString("0.##", Culture)} на 1000",
            IndicatorUnit.Zone => Zone((Zones.Zone)(int)number),
            IndicatorUnit.Flag => number == 1 ? "да" : "нет",
            _ => number.ToString("0.##", Culture),
        };
    }

    /// <summary>Why a school is in its zone, as one cell: its reasons joined by «; ».</summary>
    public static string Reasons(IReadOnlyList<ZoneReason> reasons, IReadOnlyList<IndicatorFinding> findings) =>
        string.Join("; ", ZoneReasonText.Describe(reasons, findings.Select(finding => finding.Zone)));

    /// <summary>A school's indicators in risk zones as one cell, or a dash when none is (the school is there for another reason).</summary>
    public static string Findings(IReadOnlyList<IndicatorFinding> findings) => findings.Count == 0 ? "—" : string.Join("; ", findings.Select(Finding));

    /// <summary>A moment as a person in the region reads it: Moscow time (UTC+3 all year), «6 декабря 2026 г., 12:00 (МСК)».</summary>
    public static string Moment(DateTimeOffset moment) =>
        moment.ToOffset(TimeSpan.FromHours(3)).ToString("d MMMM yyyy 'г.,' HH:mm", Culture) + " (МСК)";

    /// <summary>A finding as one line: «Доля … : 12,5 % (порог 10 %, высокий риск)».</summary>
    public static string Finding(IndicatorFinding finding) =>
        $"{Indicator(finding.IndicatorId)}: {Value(finding.IndicatorId, finding.Value)} (порог {Value(finding.IndicatorId, finding.Threshold)}, {Zone(finding.Zone)})";
}
