using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Domain.Tests.Periods;

public sealed class PeriodTests
{
    [Fact]
    public void TryParse_SchoolYear_RoundTrips()
    {
        Assert.True(Period.TryParse("2023-2024", out var period));
        Assert.Equal(2023, period.StartYear);
        Assert.Equal("2023-2024", period.ToString());
    }

    [Theory]
    [InlineData("2023-2025")]
    [InlineData("2023/2024")]
    [InlineData("2023")]
    [InlineData("abcd-efgh")]
    [InlineData("1999-2000")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_NotASchoolYear_Fails(string? text) => Assert.False(Period.TryParse(text, out _));

    [Theory]
    [InlineData("2026-08-31T23:59:59Z", "2025-2026")]
    [InlineData("2026-09-01T00:00:00Z", "2026-2027")]
    [InlineData("2026-11-29T10:00:00+03:00", "2026-2027")]
    public void Of_ATime_IsTheSchoolYearThatBeganOnTheFirstOfSeptember(string time, string period) =>
        Assert.Equal(period, Period.Of(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Theory]
    [InlineData("2023-2024", null)]
    [InlineData("2023", "«2023» — не учебный год вида 2023-2024.")]
    [InlineData("2023-2025", "«2023-2025» — не учебный год вида 2023-2024.")]
    [InlineData("1990-1991", "«1990-1991» — учебный год вне допустимых: с 2000-2001 по 2100-2101.")]
    [InlineData("2101-2102", "«2101-2102» — учебный год вне допустимых: с 2000-2001 по 2100-2101.")]
    public void ProblemOf_SaysWhetherTheFormOrTheYearIsWrong(string text, string? problem) =>
        Assert.Equal(problem, Period.ProblemOf(text));
}
