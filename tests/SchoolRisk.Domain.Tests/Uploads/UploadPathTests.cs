using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
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

    [Fact]
    public void TryNew_StampsTheFileNameWithTheTimeAndTheNonce_InTheKindsFolder_AndRefusesANameThatCannotBeABlobs()
    {
        var period = Period.Parse("2023-2024");
        var municipality = MunicipalityId.Parse("luzhsky");
        var at = new DateTimeOffset(2026, 11, 30, 19, 45, 0, TimeSpan.FromHours(3));

        Assert.True(UploadPath.TryNew(period, municipality, UploadKind.Schools, " Свод школ.xlsx ", at, "3fa2", out var schools, out _));
        Assert.True(UploadPath.TryNew(period, municipality, UploadKind.Rubrics, "оценки", at, "0b1c", out var rubrics, out _));
        Assert.Equal("2023-2024/luzhsky/Свод школ-20261130-164500-3fa2.xlsx", schools.BlobName);
        Assert.Equal("2023-2024/luzhsky/rubrics/оценки-20261130-164500-0b1c", rubrics.BlobName);
        Assert.True(UploadPath.TryParse(schools.BlobName, out var parsed, out _));
        Assert.Equal(schools, parsed);
        Assert.Equal("Свод школ.xlsx", UploadPath.OriginalFileName(schools.FileName));
        Assert.Equal("оценки", UploadPath.OriginalFileName(rubrics.FileName));
        Assert.Equal("schools.csv", UploadPath.OriginalFileName("schools.csv"));
        foreach (var bad in new[] { "", "   ", "../kirovsky/schools.csv", "a\\b.csv", "tab\there.csv", "report\u202Evsc.exe", "\uFEFF.csv", new string('я', UploadPath.MaxFileNameLength + 1) })
        {
            Assert.False(UploadPath.TryNew(period, municipality, UploadKind.Schools, bad, at, "0000", out _, out var error), bad);
            Assert.Matches("[А-Яа-я]", error);
        }

        Assert.False(UploadPath.TryNew(period, municipality, UploadKind.Schools, new string('a', 39) + string.Concat(Enumerable.Repeat("📊", 60)), at, "0000", out _, out var cut));
        Assert.False(char.IsHighSurrogate(cut[cut.IndexOf('…', StringComparison.Ordinal) - 1]), cut);
    }
}
