using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Headers;

namespace SchoolRisk.Domain.Tests.Uploads;

public sealed class UploadColumnsTests
{
    [Theory]
    [InlineData("ege_below_min_share", "ege_below_min_share")]
    [InlineData("EGE_BELOW_MIN_SHARE", "ege_below_min_share")]
    [InlineData("  ЕГЭ   ниже минимума, % ", "ege_below_min_share")]
    [InlineData("Доля результатов ОГЭ с отметкой \"2\" (%)", "oge_fail_share")]
    [InlineData("Правонарушения несовершеннолетних на 1000 обучающихся, на 1000", "offences_per_1000")]
    [InlineData("ШКОЛЬНЫЙ СПОРТИВНЫЙ КЛУБ, да/нет", "has_sports_club")]
    [InlineData("Индекс социального благополучия школы (от 0 до 1)", "social_wellbeing_index")]
    [InlineData("Категория риска по реестру надзора, высокий/средний/нет", "inspection_zone")]
    // Words in another order or form, units in brackets or after a comma, abbreviations.
    [InlineData("Результаты ЕГЭ ниже минимального балла, доля", "ege_below_min_share")]
    [InlineData("Доля результатов ЕГЭ ниже мин. балла (%)", "ege_below_min_share")]
    [InlineData("ЕГЭ: ниже минимальных баллов, %", "ege_below_min_share")]
    [InlineData("Удельный вес результатов ЕГЭ ниже минимального балла", "ege_below_min_share")]
    [InlineData("ОГЭ, доля «2»", "oge_fail_share")]
    [InlineData("Доля двоек по ОГЭ", "oge_fail_share")]
    [InlineData("Доля педагогов высшей кв. категории, %", "teachers_top_category_share")]
    [InlineData("Учителя с высшей квалификационной категорией", "teachers_top_category_share")]
    [InlineData("Доля детей с ограниченными возможностями здоровья", "ovz_share")]
    [InlineData("ОВЗ, %", "ovz_share")]
    [InlineData("Уровень минимальной подготовки, достижение", "min_level_share")]
    [InlineData("Сохранность контингента обучающихся (%)", "retention_share")]
    // Notes in brackets or on a second line; years and periods.
    [InlineData("ЕГЭ ниже минимального балла (по данным РЦОКО, 2023 г.)", "ege_below_min_share")]
    [InlineData("ЕГЭ ниже минимального балла\nпо данным РЦОКО за 2023-2024 учебный год", "ege_below_min_share")]
    [InlineData("Доля результатов ВПР с отметкой «2» 2023/24", "vpr_fail_share")]
    [InlineData("Сохранённость контингента", null)]
    [InlineData("Примечание", null)]
    // Years left in, counts and «наличие», abbreviations.
    [InlineData("Доля результатов ЕГЭ ниже минимального балла 2023-2024 уч. год", "ege_below_min_share")]
    [InlineData("Доля результатов ЕГЭ ниже минимального балла 2023-2024 учебный год", "ege_below_min_share")]
    [InlineData("Доля результатов ЕГЭ ниже минимального балла, 2023 г.", "ege_below_min_share")]
    [InlineData("Доля результатов ЕГЭ ниже минимального балла за 2023 год", "ege_below_min_share")]
    [InlineData("Кол-во предписаний надзорных органов", "supervision_orders")]
    [InlineData("Число предписаний и жалоб", "supervision_orders")]
    [InlineData("Количество победителей и призеров регионального этапа ВсОШ", "olympiad_regional_winners")]
    [InlineData("Наличие ШСК", "has_sports_club")]
    [InlineData("Наличие музея", "has_museum")]
    [InlineData("Индекс соц. благополучия", "social_wellbeing_index")]
    [InlineData("Функц. грамотность", "functional_literacy_share")]
    public void IndicatorOf_HeaderAsPeopleWriteIt_FindsTheIndicator(string header, string? expected) =>
        Assert.Equal(expected, UploadColumns.IndicatorOf(header)?.Id);

    [Theory]
    [InlineData("school_id")]
    [InlineData("Код школы")]
    [InlineData("Код ОО")]
    [InlineData("КОД ОУ")]
    [InlineData("Код образовательного учреждения")]
    [InlineData("Код общеобразовательной организации")]
    [InlineData("Код ОО по реестру")]
    [InlineData("Идентификатор")]
    [InlineData("ID")]
    [InlineData("КодОО")]
    [InlineData("Код\n(из реестра школ)")]
    public void Match_SchoolIdHeadersMunicipalitiesUse_AreTheSchoolIdColumn(string header) =>
        Assert.Equal(ColumnKind.SchoolId, UploadColumns.Match(header).Kind);

    [Theory]
    [InlineData("Наименование")]
    [InlineData("Наименование ОО")]
    [InlineData("Полное наименование образовательной организации")]
    [InlineData("№ п/п")]
    [InlineData("Муниципальный район")]
    public void Match_ColumnsPeopleKeepForThemselves_AreKnownAndNotRead(string header) =>
        Assert.Equal(ColumnKind.Informative, UploadColumns.Match(header).Kind);

    [Theory]
    [InlineData("ЕГЭ ниже минимальног балла", "ege_below_min_share")]
    [InlineData("Сохранённость контингента", "retention_share")]
    [InlineData("Доля правонарушителей", "offences_per_1000")]
    [InlineData("Комментарий директора", null)]
    public void Match_UnknownHeader_SuggestsTheClosestIndicatorOrNone(string header, string? suggested)
    {
        var match = UploadColumns.Match(header);

        Assert.Equal(ColumnKind.Unknown, match.Kind);
        Assert.Equal(suggested, match.Suggestion?.Id);
    }

    [Fact]
    public void EveryHeaderOfEveryIndicator_NamesOnlyThatIndicator() =>
        Assert.All(IndicatorCatalog.All, indicator =>
            Assert.All(indicator.Headers, header => Assert.Equal(indicator, UploadColumns.IndicatorOf(header))));

    [Fact]
    public void EveryAcceptedHeader_NamesItsOwnKindOfColumn()
    {
        Assert.All(UploadColumns.SchoolIdHeaders, header => Assert.Equal(ColumnKind.SchoolId, UploadColumns.Match(header).Kind));
        Assert.All(UploadColumns.SchoolNameHeaders.Concat(UploadColumns.OtherInformativeHeaders), header => Assert.Equal(ColumnKind.Informative, UploadColumns.Match(header).Kind));
    }
}
