using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Indicators;

/// <summary>
/// The school-level indicators the system knows (docs/methodology.md, section 3), with the column headers each is recognised
/// by in uploads. Headers are compared by their words (<see cref="Uploads.UploadColumns"/>): order, word forms, case,
/// «ё», quotes, notes in brackets and a unit such as «, %» do not matter.
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

    public static Indicator FunctionalLiteracyShare { get; } = new(
        "functional_literacy_share", "Функциональная грамотность", IndicatorUnit.Percent, WorseWhen.Lower,
        nameof(SchoolIndicators.FunctionalLiteracyShare), "Доля обучающихся с достаточным уровнем функциональной грамотности");

    public static Indicator RetentionShare { get; } = new(
        "retention_share", "Сохранность контингента", IndicatorUnit.Percent, WorseWhen.Lower,
        nameof(SchoolIndicators.RetentionShare), "Доля сохранённого контингента");

    public static Indicator OffencesPer1000 { get; } = new(
        "offences_per_1000", "Правонарушения несовершеннолетних на 1000 обучающихся", IndicatorUnit.PerThousand, WorseWhen.Higher,
        nameof(SchoolIndicators.OffencesPer1000), "Правонарушения на 1000 обучающихся", "Правонарушения несовершеннолетних");

    public static Indicator TeachersTopCategoryShare { get; } = new(
        "teachers_top_category_share", "Доля учителей высшей квалификационной категории", IndicatorUnit.Percent, WorseWhen.Lower,
        nameof(SchoolIndicators.TeachersTopCategoryShare), "Учителя высшей категории", "Доля учителей высшей категории");

    public static Indicator SupervisionOrders { get; } = new(
        "supervision_orders", "Предписания надзорных органов и обоснованные жалобы", IndicatorUnit.Count, WorseWhen.Higher,
        nameof(SchoolIndicators.SupervisionOrders), "Предписания и жалобы", "Предписания надзорных органов");

    public static Indicator InspectionZone { get; } = new(
        "inspection_zone", "Категория риска по реестру надзора", IndicatorUnit.Zone, WorseWhen.Higher,
        nameof(SchoolIndicators.InspectionZone), "Зона риска по реестру надзора", "Категория риска");

    public static Indicator SocialWellbeingIndex { get; } = new(
        "social_wellbeing_index", "Индекс социального благополучия школы", IndicatorUnit.Index, WorseWhen.Lower,
        nameof(SchoolIndicators.SocialWellbeingIndex), "Индекс социального благополучия")
    { Context = true };

    public static Indicator OvzShare { get; } = new(
        "ovz_share", "Доля обучающихся с ОВЗ", IndicatorUnit.Percent, WorseWhen.Higher,
        nameof(SchoolIndicators.OvzShare), "Обучающиеся с ОВЗ")
    { Context = true };

    public static Indicator MigrantShare { get; } = new(
        "migrant_share", "Доля детей мигрантов", IndicatorUnit.Percent, WorseWhen.Higher,
        nameof(SchoolIndicators.MigrantShare), "Дети мигрантов")
    { Context = true };

    public static Indicator HasSportsClub { get; } = new(
        "has_sports_club", "Школьный спортивный клуб", IndicatorUnit.Flag, WorseWhen.Lower,
        nameof(SchoolIndicators.HasSportsClub), "Спортивный клуб", "ШСК");

    public static Indicator HasTheatre { get; } = new(
        "has_theatre", "Школьный театр", IndicatorUnit.Flag, WorseWhen.Lower, nameof(SchoolIndicators.HasTheatre), "Театр");

    public static Indicator HasMuseum { get; } = new(
        "has_museum", "Школьный музей", IndicatorUnit.Flag, WorseWhen.Lower, nameof(SchoolIndicators.HasMuseum), "Музей");

    public static Indicator SptParticipation { get; } = new(
        "spt_participation", "Участие в социально-психологическом тестировании", IndicatorUnit.Flag, WorseWhen.Lower,
        nameof(SchoolIndicators.SptParticipation), "СПТ", "Социально-психологическое тестирование");

    public static Indicator OlympiadRegionalWinners { get; } = new(
        "olympiad_regional_winners", "Победители и призёры регионального этапа олимпиады", IndicatorUnit.Count, WorseWhen.Lower,
        nameof(SchoolIndicators.OlympiadRegionalWinners), "Победители и призёры олимпиады", "Призёры регионального этапа");

    /// <summary>Every indicator, in the order columns are written.</summary>
    public static IReadOnlyList<Indicator> All { get; } =
    [
        EgeBelowMinShare, OgeFailShare, MedalistsBelow70Share, MinLevelShare, HighLevelShare, VprFailShare, VprLoweredShare,
        FunctionalLiteracyShare, RetentionShare, OffencesPer1000, TeachersTopCategoryShare, SupervisionOrders, InspectionZone,
        SocialWellbeingIndex, OvzShare, MigrantShare, HasSportsClub, HasTheatre, HasMuseum, SptParticipation, OlympiadRegionalWinners,
    ];

    private static readonly Dictionary<string, Indicator> ById =
        All.ToDictionary(indicator => indicator.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds an indicator by its id, ignoring case.</summary>
    public static Indicator? Find(string id) => ById.GetValueOrDefault(id);
}
