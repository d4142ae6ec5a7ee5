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
}
