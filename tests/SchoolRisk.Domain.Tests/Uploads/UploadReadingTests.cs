using System.Text;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Tests.Uploads;

public sealed class UploadReadingTests
{
    [Fact]
    public async Task Windows1251SemicolonDecimalComma_TitleLineBlankLinesRussianHeaders_AllRowsRead()
    {
        var (rows, reading) = await ReadFileAsync("windows1251-semicolon.csv");

        Assert.Equal(["gatchinsky-001", "gatchinsky-002", "gatchinsky-003"], rows.Select(r => r.SchoolId.ToString()));
        Assert.Equal(4.5m, rows[0].Indicators.EgeBelowMinShare);
        Assert.Equal(0m, rows[0].Indicators.OgeFailShare);
        Assert.Equal(96.2m, rows[0].Indicators.MinLevelShare);
        Assert.Equal(12.5m, rows[1].Indicators.EgeBelowMinShare);
        Assert.Null(rows[1].Indicators.OgeFailShare);
        Assert.Equal(5, rows[1].RowNumber);
        Assert.Equal(7, rows[2].RowNumber);
        Assert.Equal(3.5m, rows[2].Indicators.EgeBelowMinShare);
        Assert.Equal("МОУ «Гатчинская СОШ № 2»", rows[1].SchoolName);
        Assert.Equal(["Примечание"], reading.UnrecognisedColumns.Select(column => column.Header));
        Assert.Empty(reading.Problems);
    }

    [Fact]
    public async Task Utf8BomCommaSeparated_QuotedDecimalComma_Read()
    {
        var (rows, _) = await ReadFileAsync("utf8-bom-comma.csv");

        Assert.Equal([4.5m, 12.5m], rows.Select(r => r.Indicators.EgeBelowMinShare!.Value));
        Assert.Equal([96.2m, 89.9m], rows.Select(r => r.Indicators.MinLevelShare!.Value));
    }

    [Fact]
    public async Task Xlsx_MergedTitleRowAboveTheHeader_RowsKeepTheirSheetNumbers()
    {
        var (rows, reading) = await ReadFileAsync("merged-title.xlsx");

        Assert.Equal(["gatchinsky-001", "gatchinsky-002"], rows.Select(r => r.SchoolId.ToString()));
        Assert.Equal([4.5m, 12.5m], rows.Select(r => r.Indicators.EgeBelowMinShare!.Value));
        Assert.Equal([96.2m, 89.9m], rows.Select(r => r.Indicators.MinLevelShare!.Value));
        Assert.Equal([4, 5], rows.Select(r => r.RowNumber));
        Assert.Empty(reading.Problems);
    }

    [Fact]
    public async Task Json_ArrayOfRecords_NumbersAndStringNumbersAndNulls()
    {
        var (rows, _) = await ReadFileAsync("schools.json");

        Assert.Equal(4.5m, rows[0].Indicators.EgeBelowMinShare);
        Assert.Equal(96.2m, rows[0].Indicators.MinLevelShare);
        Assert.Null(rows[1].Indicators.MinLevelShare);
        Assert.Equal([1, 2], rows.Select(r => r.RowNumber));
    }

    [Fact]
    public async Task RowErrors_EachSkipsItsRowWithAMessageNamingFileRowColumnAndValue_ValidRowsAreKept()
    {
        var (rows, reading) = await ReadFileAsync("row-errors.csv");

        Assert.Equal(["gatchinsky-001", "gatchinsky-005"], rows.Select(r => r.SchoolId.ToString()));
        Assert.Equal(8, reading.DataRows);
        Assert.Equal(6, reading.SkippedRows);
        Assert.Equal(
        [
            "Файл «row-errors.csv», строка 3, столбец «school_id»: школа «unknown-001» не найдена в реестре школ.",
            "Файл «row-errors.csv», строка 4, столбец «ege_below_min_share»: значение «120» вне допустимого диапазона (от 0 до 100).",
            "Файл «row-errors.csv», строка 5, столбец «ege_below_min_share»: значение «много» не является числом.",
            "Файл «row-errors.csv», строка 6, столбец «school_id»: школа «gatchinsky-001» уже встречалась (строка 2); повтор пропущен.",
            "Файл «row-errors.csv», строка 7, столбец «school_id»: не указан код школы.",
            "Файл «row-errors.csv», строка 8, столбец «ege_below_min_share»: значение «-1» вне допустимого диапазона (от 0 до 100).",
            "Файл «row-errors.csv», строка 8, столбец «min_level_share»: значение «-5» вне допустимого диапазона (от 0 до 100).",
        ], reading.Problems.Select(p => p.Message));
        Assert.Equal(7, reading.ProblemCount);
        Assert.Equal(new UploadProblem(4, "ege_below_min_share", "120", reading.Problems[1].Message), reading.Problems[1]);
    }

    [Theory]
    [InlineData("school_id,ege_below_min_share\nluzhsky-001,1\n",
        "Файл «schools.csv», строка 2, столбец «school_id»: школа «luzhsky-001» относится к муниципалитету «luzhsky», а файл загружен в папку муниципалитета «gatchinsky». Файл отклонён: каждый муниципалитет загружает только свои школы.")]
    [InlineData("name,ege_below_min_share\nx,1\n",
        "Файл «schools.csv»: в первых 20 строках нет строки заголовков со столбцом кода школы. Назовите столбец с кодами школ из реестра одним из принятых заголовков («school_id», «Код школы», «Код ОО», «Код образовательной организации», «Идентификатор школы», «ID школы») и загрузите файл снова. Первая строка файла прочитана так: «name | ege_below_min_share»; если в файле она выглядит иначе, он сохранён в другой кодировке: сохраните его в UTF-8 или Windows-1251.")]
    [InlineData("school_id,school_name,comment\ngatchinsky-001,x,y\n",
        "Файл «schools.csv», строка 1: нет ни одного столбца показателей; ожидаются, например, «Доля результатов ЕГЭ ниже минимального балла» (ege_below_min_share). Столбцы описаны в шаблоне загрузки.")]
    [InlineData("school_id,ЕГЭ ниже минимальног балла\ngatchinsky-001,1\n",
        "Файл «schools.csv», строка 1: нет ни одного столбца показателей; ожидаются, например, «Доля результатов ЕГЭ ниже минимального балла» (ege_below_min_share). Столбец «ЕГЭ ниже минимальног балла» похож на «Доля результатов ЕГЭ ниже минимального балла»: назовите его, как в шаблоне. Столбцы описаны в шаблоне загрузки.")]
    [InlineData("school_id,ege_below_min_share,ЕГЭ ниже минимума\ngatchinsky-001,1,1\n",
        "Файл «schools.csv», строка 1: столбцы «ege_below_min_share» и «ЕГЭ ниже минимума» оба означают показатель «Доля результатов ЕГЭ ниже минимального балла» (ege_below_min_share); оставьте один.")]
    [InlineData("school_id,ege_below_min_share\n",
        "Файл «schools.csv»: нет ни одной строки с данными школ.")]
    [InlineData("",
        "Файл «schools.csv» пуст.")]
    [InlineData("school_id,ege_below_min_share\ngatchinsky-001,много\n",
        "Файл «schools.csv»: ни одна из 1 строк не прошла проверку, например: Файл «schools.csv», строка 2, столбец «ege_below_min_share»: значение «много» не является числом.")]
    public async Task StructuralError_RejectsTheFile(string csv, string expected)
    {
        var error = await Assert.ThrowsAsync<FileRejectedException>(() => ReadAsync(csv, "schools.csv"));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public async Task MoreRowsThanTheLimit_RejectsTheFile()
    {
        var csv = "school_id,ege_below_min_share\n" + string.Concat(Enumerable.Range(1, 4).Select(n => $"gatchinsky-00{n},1\n"));

        var error = await Assert.ThrowsAsync<FileRejectedException>(() => ReadAsync(csv, "schools.csv", new UploadLimits { MaxRows = 3 }));

        Assert.Equal("Файл «schools.csv»: больше 3 строк с данными, а в муниципалитете столько школ не бывает: проверьте, что загружается таблица школ, без лишних строк (каждая загрузка заменяет предыдущую целиком, поэтому файл нельзя делить на части).", error.Message);
    }

    [Fact]
    public async Task ACodeInAnotherCase_IsTheRegistrysSchool_InTheRegistrysSpelling_AndASecondSpellingIsARepeat()
    {
        var (rows, reading) = await ReadAsync("school_id,ege_below_min_share\nGATCHINSKY-001,1\nGatchinsky-001,2\n", "schools.csv");

        var row = Assert.Single(rows);
        Assert.Equal((SchoolId.Parse("gatchinsky-001"), 1m), (row.SchoolId, row.Indicators.EgeBelowMinShare));
        Assert.Equal(
            "Файл «schools.csv», строка 3, столбец «school_id»: школа «Gatchinsky-001» уже встречалась (строка 2); повтор пропущен.",
            Assert.Single(reading.Problems).Message);
    }

    private static async Task<(List<SchoolRow> Rows, UploadReading Reading)> ReadFileAsync(string file)
    {
        await using var content = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Uploads", "Files", file));
        return await ReadAsync(content, file, UploadLimits.Default);
    }

    private static async Task<(List<SchoolRow> Rows, UploadReading Reading)> ReadAsync(string text, string file, UploadLimits? limits = null)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        return await ReadAsync(content, file, limits ?? UploadLimits.Default);
    }

    private static async Task<(List<SchoolRow> Rows, UploadReading Reading)> ReadAsync(Stream content, string file, UploadLimits limits)
    {
        var reading = new UploadReading(content, new UploadPath(Period.Parse("2023-2024"), MunicipalityId.Parse("gatchinsky"), file), TestRegistry.Schools, limits);
        var rows = await reading.ReadValidRowsAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        return (rows, reading);
    }
}
