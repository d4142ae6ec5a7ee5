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

    /// <summary>A finding as one line: «Доля … : 12,5 % (порог 10 %, высокий риск)».</summary>
    public static string Finding(IndicatorFinding finding) =>
        $"{Indicator(finding.IndicatorId)}: {Value(finding.IndicatorId, finding.Value)} (порог {Value(finding.IndicatorId, finding.Threshold)}, {Zone(finding.Zone)})";
}
