using System.Text;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Tests.Uploads.Support;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Tests.Uploads;

/// <summary>Delimited text and JSON as municipalities send them: encodings decided by the whole file, rows numbered as Excel shows them, every JSON key a column, rows that are not schools left out with a note.</summary>
public sealed class TextFilesTests
{
    private const string Csv = "Код ОО;ЕГЭ ниже минимума;Примечание\r\ngatchinsky-001;12,5;Сдали\r\ngatchinsky-002;4;Пересдача в мае\r\n";

    public static TheoryData<string> Encodings() => ["utf-8", "utf-8-bom", "windows-1251", "utf-16le-bom", "utf-16be-bom", "utf-16le"];

    [Theory]
    [MemberData(nameof(Encodings))]
    public async Task EveryEncodingPeopleSave_IsReadAsTheSameTable(string encoding)
    {
        var (rows, reading) = await Reading.ReadAsync(Encode(Csv, encoding), "schools.csv");

        Assert.Equal([12.5m, 4m], rows.Select(row => row.Indicators.EgeBelowMinShare!.Value));
        Assert.Equal("Примечание", Assert.Single(reading.UnrecognisedColumns).Header);
    }

    [Fact]
    public async Task Windows1251WhoseFirstMegabyteIsAscii_IsDecidedByTheWholeFile()
    {
        var ascii = string.Concat(Enumerable.Repeat("gatchinsky-001;1;" + new string('x', 100) + "\r\n", 12_000));
        var content = TextEncoding.Windows1251.GetBytes($"school_id;ege_below_min_share;comment\r\n{ascii}gatchinsky-002;2;Пересдача\r\n");

        var (rows, reading) = await Reading.ReadAsync(content, "schools.csv");

        Assert.True(content.Length > 1024 * 1024);
        Assert.Equal(2m, rows.Single(row => row.SchoolId == SchoolId.Parse("gatchinsky-002")).Indicators.EgeBelowMinShare);
        Assert.Equal(11_999, reading.ProblemCount);
    }

    [Fact]
    public async Task QuotedCellsSpanningLines_CountAsOneRow_AsExcelShowsTheFile()
    {
        var csv = "school_id;ege_below_min_share;comment\n" +
            "gatchinsky-001;1;\"первая строка\nвторая строка\nтретья\"\n" +
            "gatchinsky-002;много;x\n";

        var (_, reading) = await Reading.ReadAsync(Encoding.UTF8.GetBytes(csv), "schools.csv");

        Assert.Equal(3, Assert.Single(reading.Problems).Row);
    }

    [Fact]
    public async Task JsonColumns_AreEveryKeyOfEveryRecord_InFirstSeenOrder()
    {
        var json = """
            [
              {"school_id": "gatchinsky-001", "oge_fail_share": 3},
              {"school_id": "gatchinsky-002", "ege_below_min_share": "12,5"},
              {"school_id": "gatchinsky-003", "retention_share": 96.5, "comment": "ok"}
            ]
            """;

        var (rows, reading) = await Reading.ReadAsync(Encoding.UTF8.GetBytes(json), "schools.json");

        Assert.Equal([null, 12.5m, null], rows.Select(row => row.Indicators.EgeBelowMinShare));
        Assert.Equal([3m, null, null], rows.Select(row => row.Indicators.OgeFailShare));
        Assert.Equal([null, null, 96.5m], rows.Select(row => row.Indicators.RetentionShare));
        Assert.Equal(["ege_below_min_share", "oge_fail_share", "retention_share"], reading.RecognisedColumns.Select(column => column.Indicator.Id).Order());
        Assert.Equal("comment", Assert.Single(reading.UnrecognisedColumns).Header);
    }

    [Fact]
    public async Task TotalsSignaturesAndSubheadings_AreLeftOutWithANote_NotReportedAsErrors()
    {
        var csv = "Сведения о результатах ГИА;;\n" +
            "Код ОО;Наименование ОО;ЕГЭ ниже минимума\n" +
            "Городские школы;;\n" +
            "gatchinsky-001;СОШ № 1;4\n" +
            "gatchinsky-002;СОШ № 2;6\n" +
            "Итого по району;;5\n" +
            "Среднее значение;;5\n" +
            ";;\n" +
            "Исполнитель: Иванова И. И., тел. 8 (81371) 2-34-56;;\n" +
            "Руководитель;;Петров П. П.\n";

        var (rows, reading) = await Reading.ReadAsync(Encoding.UTF8.GetBytes(csv), "schools.csv");

        Assert.Equal(2, rows.Count);
        Assert.Equal(2, reading.DataRows);
        Assert.Empty(reading.Problems);
        Assert.Equal([3, 6, 7, 9, 10], reading.Notes.Select(note => note.Row));
        Assert.StartsWith("Файл «schools.csv», строка 6: итоговая строка «Итого по району» — не школа; пропущена.", reading.Notes[1].Message, StringComparison.Ordinal);
        Assert.Contains("подпись или реквизиты", reading.Notes[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnregisteredSchoolWithValues_IsStillAnError_NotANote()
    {
        var (_, reading) = await Reading.ReadAsync(Encoding.UTF8.GetBytes("school_id;ege_below_min_share\ngatchinsky-001;1\nunknown-009;5\n;7\n"), "schools.csv");

        Assert.Empty(reading.Notes);
        Assert.Equal(["школа «unknown-009» не найдена в реестре школ.", "не указан код школы."], reading.Problems.Select(problem => problem.Message.Split(": ", 2)[1]));
    }

    [Fact]
    public async Task AnUnregisteredIdOfDigits_IsReported_WhileAColumnNumberingRowStaysANote()
    {
        var csv = "Код ОО;Наименование;ЕГЭ ниже минимума;ОГЭ на 2\n1;2;3;4\ngatchinsky-001;СОШ;4;1\n470199;СОШ № 99;5;2\n";

        var (rows, reading) = await Reading.ReadAsync(Encoding.UTF8.GetBytes(csv), "schools.csv");

        Assert.Single(rows);
        Assert.Contains("строка нумерации столбцов", Assert.Single(reading.Notes).Message, StringComparison.Ordinal);
        Assert.Contains("школа «470199» не найдена в реестре школ", Assert.Single(reading.Problems).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gatchinsky-001", true)]
    [InlineData("470101", true)]
    [InlineData("school_1.a", true)]
    [InlineData("Итого по району", false)]
    [InlineData("СОШ № 1", false)]
    [InlineData("-001", false)]
    [InlineData("", false)]
    public void LooksLikeSchoolId_IsTheRegistrysRule(string text, bool expected)
    {
        Assert.Equal(expected, NonSchoolRows.LooksLikeSchoolId(text));
        Assert.Equal(expected, SchoolId.TryParse(text, out _));
    }

    [Fact]
    public async Task AHugeCell_IsQuotedShortInTheMessage_AndTheOtherRowsAreRead()
    {
        var huge = new string('7', 40_000);
        var (rows, reading) = await Reading.ReadAsync(Encoding.UTF8.GetBytes($"school_id;ege_below_min_share\ngatchinsky-001;{huge}\ngatchinsky-002;3\n"), "schools.csv");

        Assert.Equal(["gatchinsky-002"], rows.Select(row => row.SchoolId.ToString()));
        var message = Assert.Single(reading.Problems).Message;
        Assert.True(message.Length < 400, message);
        Assert.Contains("… (40 000 знаков)", message.Replace('\u00A0', ' '), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("school_id,ege_below_min_share,oge_fail_share\ngatchinsky-001,12,5,3\ngatchinsky-002,4,11\n", 2)]
    [InlineData("school_id;ege_below_min_share;oge_fail_share\ngatchinsky-001;;12,5;3\ngatchinsky-002;4;11\n", 2)]
    public async Task ARowWithMoreFieldsThanTheHeader_IsSkippedAsShifted_NeverReadShifted(string csv, int row)
    {
        var (rows, reading) = await Reading.ReadAsync(Encoding.UTF8.GetBytes(csv), "schools.csv");

        Assert.Equal(["gatchinsky-002"], rows.Select(school => school.SchoolId.ToString()));
        var problem = Assert.Single(reading.Problems);
        Assert.Equal(row, problem.Row);
        Assert.Contains("в строке больше полей (4), чем столбцов в строке заголовков (3), и значения сдвинулись", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStrayQuoteThatSwallowsTheRowsAfterIt_RefusesTheFile_RatherThanLoseThem()
    {
        var csv = "Код ОО;Наименование;ЕГЭ ниже минимального балла\ngatchinsky-001;МОУ СОШ № 1;12,5\ngatchinsky-002;\"МОУ СОШ № 2;4\ngatchinsky-003;МОУ СОШ № 3;20\ngatchinsky-004;МОУ СОШ № 4;30\n";

        var message = await Reading.RejectionAsync(Encoding.UTF8.GetBytes(csv), "schools.csv");

        Assert.StartsWith("Файл «schools.csv», строка 3: ячейка открывается кавычкой", message, StringComparison.Ordinal);
        Assert.Contains("Уберите лишнюю кавычку", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Средний показатель по району;;5")]
    [InlineData("Гатчинский муниципальный район;;5")]
    [InlineData("В целом по району;;5")]
    [InlineData("Медиана;;5")]
    [InlineData(";Исполнитель;Иванова И.И.;тел. 2-34-56")]
    [InlineData("1;2;3")]
    public async Task MoreRowsThatAreNotSchools_AreNotes(string line)
    {
        var (rows, reading) = await Reading.ReadAsync(Encoding.UTF8.GetBytes($"Код ОО;Наименование;ЕГЭ ниже минимума;ОГЭ на 2\ngatchinsky-001;СОШ;4;1\n{line}\n"), "schools.csv");

        Assert.Single(rows);
        Assert.Empty(reading.Problems);
        Assert.Single(reading.Notes);
    }

    [Fact]
    public async Task AnUnregisteredIdWithoutValues_IsReported_NotLeftOutAsASubheading()
    {
        var (_, reading) = await Reading.ReadAsync(Encoding.UTF8.GetBytes("school_id;school_name;ege_below_min_share\ngatchinsky-001;СОШ;1\ngatchinsky-099;СОШ № 99;н/д\n"), "schools.csv");

        Assert.Empty(reading.Notes);
        Assert.Contains("школа «gatchinsky-099» не найдена в реестре школ", Assert.Single(reading.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithNotOneValue_AnUnfilledTemplate_IsRefused_SoItNeverReplacesGoodResults()
    {
        var message = await Reading.RejectionAsync(Encoding.UTF8.GetBytes("Код ОО;ЕГЭ ниже минимума;ОГЭ на 2\ngatchinsky-001;;\ngatchinsky-002;н/д;-\n"), "schools.csv");

        Assert.Equal(
            "Файл «schools.csv»: ни в одной строке нет значений показателей (все ячейки пусты или «н/д»): похоже, это незаполненный шаблон. " +
            "Заполните значения и загрузите файл снова; прежние данные за этот период остаются в силе.",
            message);
    }

    [Fact]
    public async Task OfTwoSchoolIdColumns_TheTemplatesSchoolIdIsRead()
    {
        var (rows, _) = await Reading.ReadAsync(Encoding.UTF8.GetBytes("Код ОО;school_id;ege_below_min_share\n470101;gatchinsky-001;1\n"), "schools.csv");

        Assert.Equal("gatchinsky-001", Assert.Single(rows).SchoolId.ToString());
    }

    [Theory]
    [InlineData("utf-16le-bom")]
    [InlineData("windows-1251")]
    public async Task JsonInUtf16OrWindows1251_IsRead(string encoding)
    {
        var (rows, _) = await Reading.ReadAsync(Encode("""[{"Код ОО": "gatchinsky-001", "ЕГЭ ниже минимума": "12,5"}]""", encoding), "schools.json");

        Assert.Equal(12.5m, Assert.Single(rows).Indicators.EgeBelowMinShare);
    }

    [Theory]
    [InlineData("""[{"school_id": "gatchinsky-001", "ege_below_min_share": 3, "EGE_below_min_share": 12.5}]""", "поле «ege_below_min_share» встречается в записи дважды")]
    [InlineData("[]", "в массиве нет ни одной записи")]
    [InlineData(
        """[{"school_id": "gatchinsky-001", "ege_below_min_share": 3}, {"school_id": "gatchinsky-002", "ЕГЭ ниже минимального балла": 4}]""",
        "Файл «schools.json»: поля «ege_below_min_share» и «ЕГЭ ниже минимального балла» оба означают показатель")]
    [InlineData(
        """[{"school_id": "gatchinsky-001", "ЕГЭ ниже минимальног балла": 4}]""",
        "Файл «schools.json»: ни в одной записи нет поля показателя; ожидаются, например, «ege_below_min_share»")]
    public async Task JsonThatCannotBeReadOneWay_IsRefusedSayingWhy(string json, string expected)
    {
        var message = await Reading.RejectionAsync(Encoding.UTF8.GetBytes(json), "schools.json");

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("строка 0", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonWhoseIndicatorFieldsAreAllNull_IsAnUnfilledTemplate_AsATableWithEmptyColumns()
    {
        var json = """[{"school_id": "gatchinsky-001", "ege_below_min_share": null}, {"school_id": "gatchinsky-002", "ege_below_min_share": "н/д"}]""";

        var message = await Reading.RejectionAsync(Encoding.UTF8.GetBytes(json), "schools.json");

        Assert.Equal(
            "Файл «schools.json»: ни в одной записи нет значений показателей (все поля показателей пусты: null, «» или «н/д»): похоже, это незаполненный шаблон. " +
            "Заполните значения и загрузите файл снова; прежние данные за этот период остаются в силе.",
            message);
    }

    [Fact]
    public async Task AFileInAnEncodingNotTold_IsRefusedShowingTheFirstLineAsRead_AndTheEncodingsToSaveIn()
    {
        var koi8 = CodePagesEncodingProvider.Instance.GetEncoding(20866)!;

        var message = await Reading.RejectionAsync(koi8.GetBytes("Код ОО;ЕГЭ ниже минимума\ngatchinsky-001;1\n"), "schools.csv");

        Assert.Contains("Первая строка файла прочитана так: «", message, StringComparison.Ordinal);
        Assert.Contains("сохраните его в UTF-8 или Windows-1251", message, StringComparison.Ordinal);
    }

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(text),
        "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "windows-1251" => TextEncoding.Windows1251.GetBytes(text),
        "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16be-bom" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        _ => Encoding.Unicode.GetBytes(text),
    };
}
