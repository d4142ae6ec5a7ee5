using System.Text.Json;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Tests.Schools;

public sealed class SchoolIdTests
{
    [Theory]
    [InlineData("gatchinsky-001/1", "«/»")]
    [InlineData("gatchinsky\\001", "«\\»")]
    [InlineData("gatchinsky#1", "«#»")]
    [InlineData("gatchinsky?1", "«?»")]
    [InlineData("gatchinsky\t1", "U+0009")]
    [InlineData("gatchinsky\u007F1", "U+007F")]
    [InlineData("gatchinsky\u00851", "U+0085")]
    [InlineData("gatchinsky 1", "«пробел»")]
    [InlineData("gatchinsky%2F1", "«%»")]
    [InlineData("gatchinsky'1", "«'»")]
    [InlineData("гатчина-001", "«г»")]
    [InlineData(".gatchinsky", "начинается со знака «.»")]
    [InlineData("-gatchinsky", "начинается со знака «-»")]
    public void ProblemOf_RefusesWhatATableKeyOrAUrlCannotSafelyHold(string id, string expected) =>
        Assert.Contains(expected, SchoolId.ProblemOf(id), StringComparison.Ordinal);

    [Theory]
    [InlineData("gatchinsky-001")]
    [InlineData("47_0501.2-A")]
    public void ProblemOf_AcceptsTheDocumentedForm(string id) => Assert.Null(SchoolId.ProblemOf(id));

    [Fact]
    public void ProblemOf_AcceptsSixtyFourCharacters_RefusesMore()
    {
        Assert.Null(SchoolId.ProblemOf(new string('g', 64)));
        Assert.StartsWith("код школы длиннее 64 знаков (65)", SchoolId.ProblemOf(new string('g', 65)), StringComparison.Ordinal);
    }

    [Fact]
    public void ProblemOf_Empty_SaysNoCodeIsGiven() => Assert.Equal("не указан код школы.", SchoolId.ProblemOf(""));

    [Theory]
    [InlineData("gatchinsky-001")]
    [InlineData("47_0501.2-A")]
    public void TryParse_TheRegistrysForm_RoundTripsItsText(string text)
    {
        Assert.True(SchoolId.TryParse(text, out var id));
        Assert.Equal(text, id.ToString());
        Assert.Equal(id, SchoolId.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" gatchinsky-001")]
    [InlineData("gatchinsky 1")]
    [InlineData("-001")]
    [InlineData(null)]
    public void TryParse_WhatTheRegistryRefuses_Fails(string? text)
    {
        Assert.False(SchoolId.TryParse(text, out var id));
        Assert.Equal(default, id);
    }

    [Fact]
    public void Json_IsThePlainText_AndTextThatIsNoIdIsAJsonException()
    {
        Assert.Equal("{\"Id\":\"gatchinsky-001\"}", JsonSerializer.Serialize(new Holder(SchoolId.Parse("gatchinsky-001"))));
        Assert.Equal(SchoolId.Parse("gatchinsky-001"), JsonSerializer.Deserialize<Holder>("{\"Id\":\"gatchinsky-001\"}")!.Id);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("{\"Id\":\"школа 1\"}"));
        Assert.Equal("{\"gatchinsky-001\":1}", JsonSerializer.Serialize(new Dictionary<SchoolId, int> { [SchoolId.Parse("gatchinsky-001")] = 1 }));
    }

    [Fact]
    public void Order_IsOrdinal() =>
        Assert.Equal(["A-1", "a-1", "b-1"], new[] { "b-1", "a-1", "A-1" }.Select(SchoolId.Parse).Order().Select(id => id.ToString()));

    private sealed record Holder(SchoolId Id);
}
