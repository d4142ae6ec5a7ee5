using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Domain.Tests.Uploads;

public sealed class UploadPathTests
{
    [Fact]
    public void TryParse_PeriodMunicipalityFile_ReadsParts()
    {
        Assert.True(UploadPath.TryParse("2023-2024/gatchinsky/schools.csv", out var path, out _));
        Assert.Equal("2023-2024", path.Period.ToString());
        Assert.Equal("gatchinsky", path.MunicipalityId.ToString());
        Assert.Equal("schools.csv", path.FileName);
        Assert.Equal("2023-2024/gatchinsky/schools.csv", path.BlobName);
        Assert.Equal(UploadKind.Schools, path.Kind);
    }

    [Fact]
    public void TryParse_RubricsFolder_IsARubricUpload()
    {
        Assert.True(UploadPath.TryParse("2023-2024/gatchinsky/rubrics/rubrics.xlsx", out var path, out _));
        Assert.Equal((UploadKind.Rubrics, "gatchinsky", "rubrics.xlsx"), (path.Kind, path.MunicipalityId.ToString(), path.FileName));
        Assert.Equal("2023-2024/gatchinsky/rubrics/rubrics.xlsx", path.BlobName);
    }

    [Theory]
    [InlineData("schools.csv", "не по адресу")]
    [InlineData("2023-2024/gatchinsky/extra/schools.csv", "не по адресу")]
    [InlineData("2023/gatchinsky/schools.csv", "«2023» не является учебным годом")]
    [InlineData("2023-2024/Гатчинский/schools.csv", "«Гатчинский» не является кодом муниципалитета")]
    public void TryParse_WrongShape_ExplainsInRussianNamingTheFile(string blobName, string expected)
    {
        Assert.False(UploadPath.TryParse(blobName, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains(blobName, error, StringComparison.Ordinal);
    }
}
