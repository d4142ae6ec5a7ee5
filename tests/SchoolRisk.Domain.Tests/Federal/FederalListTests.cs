using System.Text;
using SchoolRisk.Domain.Federal;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Tests.Uploads;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;
using SchoolRisk.Domain.Uploads.Writing;

namespace SchoolRisk.Domain.Tests.Federal;

/// <summary>The committee's federal file read as people send it, and every kind of bad row named in Russian by file, row, column and value.</summary>
public sealed class FederalListTests
{
    [Fact]
    public async Task MessyRussianHeaders_UnderATitleRow_AreRecognised_AndAnUnknownColumnIsNoted()
    {
        var csv = """
            Федеральный перечень ШНОР, 2024-2025 учебный год
            № п/п;Код ОО по реестру;Полное наименование;Входит в федеральный перечень ШНОР;НИЗКАЯ ОСНАЩЁННОСТЬ ШКОЛЫ;дефицит педагогических кадров (по данным ФИОКО);Высокая доля обучающихся с ОВЗ, %;Примечание
            1;gatchinsky-001;Гатчинская СОШ 1;Да;высокий;Средний;;уточнить
            2;GATCHINSKY-002;;нет;низкий;;высокий;
            """;

        var list = await ReadAsync(Encoding.UTF8.GetBytes(csv), "perechen.csv");

        Assert.Equal([("gatchinsky-001", true), ("gatchinsky-002", false)], list.Schools.Select(s => (s.SchoolId.ToString(), s.OnList)));
        Assert.Equal("МОУ «Гатчинская СОШ № 1»", list.Schools[0].SchoolName);
        Assert.Equal(
            new Dictionary<string, FederalRiskLevel> { ["low_equipment"] = FederalRiskLevel.High, ["teacher_shortage"] = FederalRiskLevel.Medium },
            list.Schools[0].Profile);
        Assert.Equal(
            new Dictionary<string, FederalRiskLevel> { ["low_equipment"] = FederalRiskLevel.Low, ["high_ovz_share"] = FederalRiskLevel.High },
            list.Schools[1].Profile);
        Assert.Equal((2, 2, 0), (list.Check.DataRows, list.Check.ValidRows, list.Check.ProblemCount));
        var note = Assert.Single(list.Check.Notes);
        Assert.Equal("Федеральный перечень ШНОР «perechen.csv», строка 2, столбец «Примечание»: столбец не распознан и не прочитан (допустимые столбцы — в docs/federal-list.md).", note.Message);
    }

    [Fact]
    public async Task Windows1251SemicolonCsv_IsReadWithItsRussianText()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = "Код школы;Наименование школы;В федеральном перечне ШНОР;Низкий уровень дисциплины в классе\r\nluzhsky-001;Лужская СОШ;да;средний\r\ngatchinsky-003;Гатчинская;0;\r\n";

        var list = await ReadAsync(Encoding.GetEncoding(1251).GetBytes(csv), "perechen.csv");

        Assert.Equal([("luzhsky-001", true), ("gatchinsky-003", false)], list.Schools.Select(s => (s.SchoolId.ToString(), s.OnList)));
        Assert.Equal(FederalRiskLevel.Medium, list.Schools[0].Profile["low_discipline"]);
        Assert.Empty(list.Schools[1].Profile);
    }

    [Fact]
    public async Task Xlsx_WithATitleRow_IsRead_WithRowsNumberedAsTheSheetShowsThem()
    {
        var sheet = new UploadSheet(
            "Перечень ШНОР",
            ["school_id", "on_federal_list", "low_motivation", "low_parent_involvement"],
            [["gatchinsky-004", "yes", "high", "низкий"], ["gatchinsky-005", 1m, "средний", "очень высокий"]]);
        using var content = new MemoryStream();
        UploadSheetFiles.WriteXlsx(sheet, content);

        var list = await ReadAsync(content.ToArray(), "perechen.xlsx");

        var school = Assert.Single(list.Schools);
        Assert.Equal((SchoolId.Parse("gatchinsky-004"), true, FederalRiskLevel.High, FederalRiskLevel.Low), (school.SchoolId, school.OnList, school.Profile["low_motivation"], school.Profile["low_parent_involvement"]));
        var problem = Assert.Single(list.Check.Problems);
        Assert.Equal((4, "low_parent_involvement", "очень высокий"), (problem.Row, problem.Column, problem.Value));
        Assert.StartsWith("Федеральный перечень ШНОР «perechen.xlsx», строка 4, столбец «low_parent_involvement»: уровень риска «очень высокий» не распознан", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryKindOfBadRow_IsSkippedAndNamed_TheOtherRowsAreUsed()
    {
        var csv = """
            Код ОО;В федеральном перечне ШНОР;Низкая оснащённость школы
            gatchinsky-001;да;высокий
            ;да;высокий
            gatchinsky-999;да;высокий
            gatchinsky-001;нет;низкий
            gatchinsky-002;может быть;низкий
            gatchinsky-003;да;критический
            gatchinsky/004;да;
            gatchinsky-005;;
            """;

        var list = await ReadAsync(Encoding.UTF8.GetBytes(csv), "perechen.csv");

        Assert.Equal(["gatchinsky-001"], list.Schools.Select(s => s.SchoolId.ToString()));
        Assert.Equal((8, 1, 7), (list.Check.DataRows, list.Check.ValidRows, list.Check.ProblemCount));
        var where = "Федеральный перечень ШНОР «perechen.csv», строка";
        Assert.Equal(
            [
                (3, "Код ОО", null, $"{where} 3, столбец «Код ОО»: не указан код школы; строка не учтена."),
                (4, "Код ОО", "gatchinsky-999", $"{where} 4, столбец «Код ОО»: школы «gatchinsky-999» нет в реестре школ (registry/schools.csv); строка не учтена. Проверьте код."),
                (5, "Код ОО", "gatchinsky-001", $"{where} 5, столбец «Код ОО»: школа «gatchinsky-001» уже есть в строке 2; действует строка 2, эта строка не учтена. Оставьте одну из строк."),
                (6, "В федеральном перечне ШНОР", "может быть", $"{where} 6, столбец «В федеральном перечне ШНОР»: значение «может быть» не распознано: укажите да или нет (1 или 0, yes или no); строка не учтена."),
                (7, "Низкая оснащённость школы", "критический", $"{where} 7, столбец «Низкая оснащённость школы»: уровень риска «критический» не распознан: укажите высокий, средний или низкий (пустая клетка — фактор не оценивался); строка не учтена."),
            ],
            list.Check.Problems.Take(5).Select(p => (p.Row, p.Column, p.Value, p.Message)));
        Assert.Equal((8, "Код ОО", "gatchinsky/004"), (list.Check.Problems[5].Row, list.Check.Problems[5].Column, list.Check.Problems[5].Value));
        Assert.Contains("«/»", list.Check.Problems[5].Message, StringComparison.Ordinal);
        Assert.Equal(
            $"{where} 9, столбец «В федеральном перечне ШНОР»: не указано, входит ли школа в федеральный перечень: укажите да или нет (1 или 0, yes или no); строка не учтена.",
            list.Check.Problems[6].Message);
        Assert.Null(list.Check.Unusable);
    }

    [Fact]
    public async Task NoRowValid_TheFileIsUnusable()
    {
        var list = await ReadAsync(Encoding.UTF8.GetBytes("school_id,on_federal_list\ngatchinsky-999,да\n"), "perechen.csv");

        Assert.Equal("Федеральный перечень ШНОР «perechen.csv»: ни одна из 1 строк не прошла проверку.", list.Check.Unusable);
    }

    [Theory]
    [InlineData("школа;уровень\nгатчинская;высокий\n", "Федеральный перечень ШНОР «perechen.csv»: не найдена строка заголовков с кодом школы и признаком федерального перечня")]
    [InlineData("school_id;Низкая оснащённость школы\ngatchinsky-001;высокий\n", "Федеральный перечень ШНОР «perechen.csv», строка 1: нет столбца «on_federal_list»")]
    [InlineData("", "Федеральный перечень ШНОР: Файл «perechen.csv» пуст.")]
    public async Task AFileThatCannotBeRead_IsRefusedWithARussianReason(string csv, string reason)
    {
        var error = await Assert.ThrowsAsync<FileRejectedException>(() => ReadAsync(Encoding.UTF8.GetBytes(csv), "perechen.csv"));

        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotASpreadsheet_IsRefused_NamingTheCommitteesFile()
    {
        var error = await Assert.ThrowsAsync<FileRejectedException>(() => ReadAsync([0x50, 0x4B, 0x03, 0x04, 0x00, 0x01], "perechen.xlsx"));

        Assert.StartsWith("Федеральный перечень ШНОР: Файл «perechen.xlsx»", error.Message, StringComparison.Ordinal);
    }

    private static async Task<FederalList> ReadAsync(byte[] bytes, string fileName)
    {
        using var content = new MemoryStream(bytes);
        return await FederalList.ReadAsync(content, fileName, TestRegistry.Schools, UploadLimits.Default, TestContext.Current.CancellationToken);
    }
}
