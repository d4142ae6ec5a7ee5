using System.Text.Json;
using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Domain.Tests.Evaluation;

public sealed class RuleSetVersionTests
{
    [Fact]
    public void TryParse_TwelveLowerCaseHexDigits_RoundTripsItsText()
    {
        Assert.True(RuleSetVersion.TryParse("a1b2c3d4e5f6", out var version));
        Assert.Equal("a1b2c3d4e5f6", version.ToString());
        Assert.Equal(version, RuleSetVersion.Parse("a1b2c3d4e5f6"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v1")]
    [InlineData("a1b2c3d4e5f")]
    [InlineData("a1b2c3d4e5f67")]
    [InlineData("A1B2C3D4E5F6")]
    [InlineData(null)]
    public void TryParse_AnythingElse_Fails(string? text) => Assert.False(RuleSetVersion.TryParse(text, out _));

    [Fact]
    public void Json_IsThePlainText_AndTextThatIsNoVersionIsAJsonException()
    {
        Assert.Equal("{\"Version\":\"a1b2c3d4e5f6\"}", JsonSerializer.Serialize(new Holder(RuleSetVersion.Parse("a1b2c3d4e5f6"))));
        Assert.Equal(RuleSetVersion.Parse("a1b2c3d4e5f6"), JsonSerializer.Deserialize<Holder>("{\"Version\":\"a1b2c3d4e5f6\"}")!.Version);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("{\"Version\":\"v1\"}"));
    }

    private sealed record Holder(RuleSetVersion Version);
}
