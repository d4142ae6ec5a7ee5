using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Indicators;

/// <summary>
/// The school-level indicators the system knows (domain.md, section 3), with the column headers each is recognised
/// by in uploads. Headers are compared after <see cref="HeaderText.Normalize"/>: case, spacing, «ё», quotes and a
/// trailing unit such as «, %» do not matter.
/// </summary>
public static class IndicatorCatalog
{
    public static Indicator EgeBelowMinShare { get; } = new(
        "ege_below_min_share", "Доля результатов ЕГЭ ниже минимального балла", IndicatorUnit.Percent, WorseWhen.Higher,
        nameof(SchoolIndicators.EgeBelowMinShare), "ЕГЭ ниже минимального балла", "ЕГЭ ниже минимума", "ЕГЭ ниже мин. балла");

    public static Indicator OgeFailShare { get; } = new(
        "oge_fail_share", "Доля результатов ОГЭ с отметкой «2»", IndicatorUnit.Percent, WorseWhen.Higher,
        nameof(SchoolIndicators.OgeFailShare), "ОГЭ на «2»", "ОГЭ неудовлетворительно", "Доля двоек ОГЭ");

    public static Indicator MedalistsBelow70Share { get; } = new(
        "medalists_below70_share", "Доля медалистов, набравших менее 70 баллов хотя бы по одному предмету ЕГЭ",
        IndicatorUnit.Percent, WorseWhen.Higher, nameof(SchoolIndicators.MedalistsBelow70Share),
        "Медалисты менее 70 баллов", "Медалисты ниже 70");

    public static Indicator MinLevelShare { get; } = new(
        "min_level_share", "Достижение минимального уровня подготовки", IndicatorUnit.Percent, WorseWhen.Lower,
        nameof(SchoolIndicators.MinLevelShare), "Минимальный уровень подготовки", "Минимальный уровень");

    public static Indicator HighLevelShare { get; } = new(
        "high_level_share", "Достижение высокого уровня подготовки", IndicatorUnit.Percent, WorseWhen.Lower,
        nameof(SchoolIndicators.HighLevelShare), "Высокий уровень подготовки", "Высокий уровень");

    public static Indicator VprFailShare { get; } = new(
        "vpr_fail_share", "Доля результатов ВПР с отметкой «2»", IndicatorUnit.Percent, WorseWhen.Higher,
        nameof(SchoolIndicators.VprFailShare), "ВПР на «2»", "Доля двоек ВПР");

    public static Indicator VprLoweredShare { get; } = new(
        "vpr_lowered_share", "Доля обучающихся, чья отметка за ВПР ниже отметки по журналу", IndicatorUnit.Percent,
        WorseWhen.Higher, nameof(SchoolIndicators.VprLoweredShare), "Понизили отметку на ВПР", "ВПР ниже отметки по журналу");

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
