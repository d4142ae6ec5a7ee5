using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Domain.Tests.Uploads;

public sealed class UploadColumnsTests
{
    [Theory]
    [InlineData("ege_below_min_share", "ege_below_min_share")]
    [InlineData("  ЕГЭ   ниже минимума, % ", "ege_below_min_share")]
    [InlineData("Доля результатов ОГЭ с отметкой \"2\" (%)", "oge_fail_share")]
    [InlineData("Правонарушения несовершеннолетних на 1000 обучающихся, на 1000", "offences_per_1000")]
    [InlineData("ШКОЛЬНЫЙ СПОРТИВНЫЙ КЛУБ, да/нет", "has_sports_club")]
    [InlineData("Индекс социального благополучия школы (от 0 до 1)", "social_wellbeing_index")]
    [InlineData("Категория риска по реестру надзора, высокий/средний/нет", "inspection_zone")]
    [InlineData("Сохранённость контингента", null)]
    public void IndicatorOf_HeaderAsPeopleWriteIt_FindsTheIndicator(string header, string? expected) =>
        Assert.Equal(expected, UploadColumns.IndicatorOf(header)?.Id);

    [Fact]
    public void EveryHeaderOfEveryIndicator_NamesOnlyThatIndicator() =>
        Assert.All(IndicatorCatalog.All, indicator =>
            Assert.All(indicator.Headers, header => Assert.Equal(indicator, UploadColumns.IndicatorOf(header))));
}
