using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Uploads.Values;

namespace SchoolRisk.Domain.Tests.Indicators;

/// <summary>A unit's facts are one: a rule file and an upload take the same words, ranges and descriptions.</summary>
public sealed class IndicatorUnitsTests
{
    [Theory]
    [InlineData("has_sports_club", "да", 1)]
    [InlineData("has_sports_club", "Имеется", 1)]
    [InlineData("has_sports_club", "ИСТИНА", 1)]
    [InlineData("has_sports_club", "отсутствует", 0)]
    [InlineData("has_sports_club", "ложь", 0)]
    [InlineData("inspection_zone", "высокая", 2)]
    [InlineData("inspection_zone", "Средняя", 1)]
    [InlineData("inspection_zone", "вне зоны риска", 0)]
    public void AFlagOrAZoneWord_ReadsTheSame_InARuleFileAndInAnUpload(string indicatorId, string word, int expected)
    {
        var indicator = IndicatorCatalog.All.Single(i => i.Id == indicatorId);

        Assert.True(indicator.Unit.TryParse(word, out var inRules, out _));
        Assert.Equal(expected, inRules);
        Assert.Equal(expected, IndicatorValues.Read(word, indicator, new DecimalMarkEvidence()).Value);
    }

    [Theory]
    [InlineData(IndicatorUnit.Percent, 100.5, "от 0 до 100")]
    [InlineData(IndicatorUnit.Index, 1.5, "от 0 до 1")]
    [InlineData(IndicatorUnit.Flag, 0.5, "1 или 0")]
    [InlineData(IndicatorUnit.Zone, 3, "2, 1 или 0")]
    [InlineData(IndicatorUnit.Count, -1, "0 или больше")]
    public void AValueOutOfItsUnitsRange_IsRefused_NamingTheSameRange(IndicatorUnit unit, double value, string range)
    {
        var text = ((decimal)value).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(unit.InRange((decimal)value));
        Assert.False(unit.TryParse(text, out _, out var problem));
        Assert.Equal($"вне допустимого диапазона ({range})", problem);
        Assert.Equal(range, unit.Range().Text);
    }
}
