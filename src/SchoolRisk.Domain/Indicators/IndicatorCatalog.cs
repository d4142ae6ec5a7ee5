using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Indicators;

/// <summary>The school-level indicators the system knows (domain.md, section 3).</summary>
public static class IndicatorCatalog
{
    public static Indicator EgeBelowMinShare { get; } = new(
        "ege_below_min_share", "Доля результатов ЕГЭ ниже минимального балла", "%", WorseWhen.Higher, nameof(SchoolIndicators.EgeBelowMinShare));

    public static Indicator OgeFailShare { get; } = new(
        "oge_fail_share", "Доля результатов ОГЭ с отметкой «2»", "%", WorseWhen.Higher, nameof(SchoolIndicators.OgeFailShare));

    public static Indicator MedalistsBelow70Share { get; } = new(
        "medalists_below70_share", "Доля медалистов, набравших менее 70 баллов хотя бы по одному предмету ЕГЭ", "%",
        WorseWhen.Higher, nameof(SchoolIndicators.MedalistsBelow70Share));

    public static Indicator MinLevelShare { get; } = new(
        "min_level_share", "Достижение минимального уровня подготовки", "%", WorseWhen.Lower, nameof(SchoolIndicators.MinLevelShare));

    public static Indicator HighLevelShare { get; } = new(
        "high_level_share", "Достижение высокого уровня подготовки", "%", WorseWhen.Lower, nameof(SchoolIndicators.HighLevelShare));

    public static Indicator VprFailShare { get; } = new(
        "vpr_fail_share", "Доля результатов ВПР с отметкой «2»", "%", WorseWhen.Higher, nameof(SchoolIndicators.VprFailShare));

    public static Indicator VprLoweredShare { get; } = new(
        "vpr_lowered_share", "Доля обучающихся, чья отметка за ВПР ниже отметки по журналу", "%", WorseWhen.Higher,
        nameof(SchoolIndicators.VprLoweredShare));

    /// <summary>Every indicator, in the order columns are written.</summary>
    public static IReadOnlyList<Indicator> All { get; } =
    [
        EgeBelowMinShare, OgeFailShare, MedalistsBelow70Share, MinLevelShare, HighLevelShare, VprFailShare, VprLoweredShare,
    ];

    private static readonly Dictionary<string, Indicator> ById =
        All.ToDictionary(indicator => indicator.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds an indicator by its id, ignoring case.</summary>
    public static Indicator? Find(string id) => ById.GetValueOrDefault(id);
}
