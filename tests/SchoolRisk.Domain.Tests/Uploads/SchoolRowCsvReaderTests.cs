using System.Text;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Domain.Tests.Uploads;

public sealed class SchoolRowCsvReaderTests
{
    [Fact]
    public async Task ReadAsync_ValidFile_ReadsEveryRowWithValues()
    {
        const string csv = """
            school_id,school_name,ege_below_min_share,min_level_share,unknown_column
            gatchinsky-001,"МОУ «Гатчинская СОШ № 1»",4.5,96
            gatchinsky-002,"МОУ «Гатчинская СОШ № 2»",,89.9

            """;

        var rows = await ReadAsync(csv);

        Assert.Equal(2, rows.Count);
        Assert.Equal("gatchinsky-001", rows[0].SchoolId);
        Assert.Equal("МОУ «Гатчинская СОШ № 1»", rows[0].SchoolName);
        Assert.Equal(4.5m, rows[0].Indicators.EgeBelowMinShare);
        Assert.Equal(96m, rows[0].Indicators.MinLevelShare);
        Assert.Null(rows[1].Indicators.EgeBelowMinShare);
        Assert.Equal(89.9m, rows[1].Indicators.MinLevelShare);
        Assert.Equal(3, rows[1].RowNumber);
    }

    [Fact]
    public async Task ReadAsync_ValueNotANumber_NamesFileRowColumnAndValue()
    {
        const string csv = "school_id,ege_below_min_share\ngatchinsky-001,4.5\ngatchinsky-002,много\n";

        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => ReadAsync(csv));

        Assert.Equal(
            "Файл «test.csv», строка 3, столбец «ege_below_min_share»: значение «много» не является числом.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_NoSchoolIdColumn_RejectsTheFile()
    {
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => ReadAsync("name,ege_below_min_share\nx,1\n"));

        Assert.Contains("нет обязательного столбца «school_id»", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_EmptyFile_RejectsTheFile()
    {
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => ReadAsync(string.Empty));

        Assert.Contains("пуст", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<SchoolRow>> ReadAsync(string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var rows = new List<SchoolRow>();
        await foreach (var row in SchoolRowCsvReader.ReadAsync(stream, "test.csv", TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }
}
