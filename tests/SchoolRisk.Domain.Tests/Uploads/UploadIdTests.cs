using System.Text.Json;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Domain.Tests.Uploads;

public sealed class UploadIdTests
{
    [Fact]
    public void For_IsTheFirstSixteenHexDigitsOfTheHashOfBlobNameAndETag()
    {
        var id = UploadId.For("2023-2024/gatchinsky/schools.csv", "\"0x8DC1A2B3C4D5E6F\"");

        Assert.Equal("7edf40b884d60787", id.ToString());
        Assert.Equal(id, UploadId.For("2023-2024/gatchinsky/schools.csv", "\"0x8DC1A2B3C4D5E6F\""));
        Assert.NotEqual(id, UploadId.For("2023-2024/gatchinsky/schools.csv", "\"0x8DC1A2B3C4D5E70\""));
    }

    [Fact]
    public void TryParse_SixteenLowerCaseHexDigits_RoundTripsItsText()
    {
        Assert.True(UploadId.TryParse("7edf40b884d60787", out var id));
        Assert.Equal("7edf40b884d60787", id.ToString());
        Assert.Equal(id, UploadId.Parse("7edf40b884d60787"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("7edf40b884d6078")]
    [InlineData("7edf40b884d607870")]
    [InlineData("7EDF40B884D60787")]
    [InlineData("7edf40b884d6078g")]
    [InlineData(null)]
    public void TryParse_AnythingElse_Fails(string? text) => Assert.False(UploadId.TryParse(text, out _));

    [Fact]
    public void Json_IsThePlainText_AndTextThatIsNoIdIsAJsonException()
    {
        Assert.Equal("{\"Id\":\"7edf40b884d60787\"}", JsonSerializer.Serialize(new Holder(UploadId.Parse("7edf40b884d60787"))));
        Assert.Equal(UploadId.Parse("7edf40b884d60787"), JsonSerializer.Deserialize<Holder>("{\"Id\":\"7edf40b884d60787\"}")!.Id);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("{\"Id\":\"u1\"}"));
    }

    private sealed record Holder(UploadId Id);
}
