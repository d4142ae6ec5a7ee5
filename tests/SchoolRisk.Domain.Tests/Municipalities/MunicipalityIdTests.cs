using System.Text.Json;
using SchoolRisk.Domain.Municipalities;

namespace SchoolRisk.Domain.Tests.Municipalities;

public sealed class MunicipalityIdTests
{
    [Theory]
    [InlineData("gatchinsky")]
    [InlineData("sosnovy-bor-2")]
    [InlineData("committee")]
    public void TryParse_LowerCaseLatinDigitsAndHyphens_RoundTripsItsText(string text)
    {
        Assert.True(MunicipalityId.TryParse(text, out var id));
        Assert.Equal(text, id.ToString());
        Assert.Equal(id, MunicipalityId.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Gatchinsky")]
    [InlineData("gatchinsky ")]
    [InlineData("gatchinsky_1")]
    [InlineData("гатчинский")]
    [InlineData("a/b")]
    [InlineData(null)]
    public void TryParse_AnythingElse_Fails(string? text)
    {
        Assert.False(MunicipalityId.TryParse(text, out var id));
        Assert.Equal(default, id);
    }

    [Fact]
    public void TryParse_SixtyThreeCharacters_SixtyFourAreTooMany()
    {
        Assert.True(MunicipalityId.TryParse(new string('a', 63), out _));
        Assert.False(MunicipalityId.TryParse(new string('a', 64), out _));
    }

    [Fact]
    public void Parse_NotAnId_IsAFormatException() => Assert.Throws<FormatException>(() => MunicipalityId.Parse("Гатчина"));

    [Fact]
    public void Default_HasEmptyText() => Assert.Equal(string.Empty, default(MunicipalityId).ToString());

    [Fact]
    public void Json_IsThePlainText_AndTextThatIsNoIdIsAJsonException()
    {
        Assert.Equal("{\"Id\":\"gatchinsky\"}", JsonSerializer.Serialize(new Holder(MunicipalityId.Parse("gatchinsky"))));
        Assert.Equal(MunicipalityId.Parse("gatchinsky"), JsonSerializer.Deserialize<Holder>("{\"Id\":\"gatchinsky\"}")!.Id);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("{\"Id\":\"Gatchinsky\"}"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("{\"Id\":null}"));
        Assert.Equal("{\"gatchinsky\":1}", JsonSerializer.Serialize(new Dictionary<MunicipalityId, int> { [MunicipalityId.Parse("gatchinsky")] = 1 }));
    }

    [Fact]
    public void Order_IsOrdinal() =>
        Assert.Equal(["a-1", "b", "b1"], new[] { "b1", "b", "a-1" }.Select(MunicipalityId.Parse).Order().Select(id => id.ToString()));

    private sealed record Holder(MunicipalityId Id);
}
