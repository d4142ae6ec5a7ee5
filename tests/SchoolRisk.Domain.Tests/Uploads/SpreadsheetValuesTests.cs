using SchoolRisk.Domain.Tests.Uploads.Support;
using SchoolRisk.TestFiles.Workbooks;

namespace SchoolRisk.Domain.Tests.Uploads;

/// <summary>
/// A workbook's cell is read as the person who filled it in sees it: percent-formatted cells as the percent shown,
/// formula noise as the number shown, text-formatted numbers as numbers, dates never as made-up numbers. Each case is
/// written both as .xlsx and as .xls.
/// </summary>
public sealed class SpreadsheetValuesTests
{
    public static TheoryData<string> Formats() => ["xlsx", "xls"];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task PercentFormattedCells_AreThePercentShown_ForAPercentIndicator_AndTheFractionForAnIndex(string format)
    {
        var (rows, reading) = await ReadAsync(format, [
            ["Код школы", "ЕГЭ ниже минимума", "Индекс социального благополучия"],
            ["gatchinsky-001", new NumberValue(0.125, "0.0%"), new NumberValue(0.45, "0%")],
            ["gatchinsky-002", new NumberValue(0.035, "0.00%"), new NumberValue(0.5, "General")],
        ]);

        Assert.Equal([12.5m, 3.5m], rows.Select(row => row.Indicators.EgeBelowMinShare!.Value));
        Assert.Equal([0.45m, 0.5m], rows.Select(row => row.Indicators.SocialWellbeingIndex!.Value));
        Assert.Empty(reading.Problems);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task PercentFormattedCell_InACountColumn_IsRefusedAskingForANumberFormat(string format)
    {
        var (_, reading) = await ReadAsync(format, [
            ["Код школы", "ЕГЭ ниже минимума", "Предписания и жалобы"],
            ["gatchinsky-001", 1, new NumberValue(3, "0%")],
            ["gatchinsky-002", 1, 2],
        ]);

        var problem = Assert.Single(reading.Problems);
        Assert.Equal($"Файл «schools.{format}», строка 2, столбец «Предписания и жалобы»: значение «300%» записано в процентном формате, а показатель измеряется не в процентах (в штуках); задайте ячейке числовой формат и введите значение заново.", problem.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task FormulaNoise_NeverDecidesAZone_ValueIsKeptTo15SignificantDigits(string format)
    {
        var (rows, _) = await ReadAsync(format, [
            ["Код школы", "ЕГЭ ниже минимума", "ОГЭ на «2»"],
            ["gatchinsky-001", new FormulaValue("1/3*30", 9.999999999999998, "0.0"), new FormulaValue("0.1+0.2", 0.30000000000000004)],
        ]);

        Assert.Equal(10m, rows[0].Indicators.EgeBelowMinShare);
        Assert.Equal(0.3m, rows[0].Indicators.OgeFailShare);
    }

    [Theory]
    [InlineData("xlsx", false)]
    [InlineData("xlsx", true)]
    [InlineData("xls", false)]
    public async Task DateFormattedCell_IsNeverANumber_MessageQuotesWhatTheSheetShowsAndSaysWhatToFix(string format, bool date1904)
    {
        // 45415 is 3 May 2024 in the 1900 system (what a Russian Excel makes of «3.5»); 1904 shifts it by 1462 days.
        var serial = date1904 ? 45415 - 1462 : 45415;
        var (rows, reading) = await ReadAsync(format, [
            ["Код школы", "ЕГЭ ниже минимума"],
            ["gatchinsky-001", new NumberValue(serial, "dd.mm.yyyy")],
            ["gatchinsky-002", 4],
        ], date1904);

        Assert.Equal(["gatchinsky-002"], rows.Select(row => row.SchoolId));
        var problem = Assert.Single(reading.Problems);
        Assert.Equal(
            $"Файл «schools.{format}», строка 2, столбец «ЕГЭ ниже минимума»: в ячейке дата «03.05.2024», а не число: Excel превратил введённое значение в дату. " +
            "Задайте ячейкам столбца числовой формат (Формат ячеек → Числовой) и введите значения заново.",
            problem.Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task NumbersKeptAsText_WithOrWithoutAnApostrophe_AreNumbers(string format)
    {
        var (rows, reading) = await ReadAsync(format, [
            ["Код школы", "ЕГЭ ниже минимума", "ОГЭ на «2»"],
            ["gatchinsky-001", new TextValue("12,5", QuotePrefix: true), new TextValue("'7")],
            ["gatchinsky-002", new TextValue("4.5"), new TextValue("12,5 %")],
        ]);

        Assert.Equal([12.5m, 4.5m], rows.Select(row => row.Indicators.EgeBelowMinShare!.Value));
        Assert.Equal([7m, 12.5m], rows.Select(row => row.Indicators.OgeFailShare!.Value));
        Assert.Empty(reading.Problems);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task TheSheetWithTheHeaderRow_IsRead_WhateverItsNameAndPlace(string format)
    {
        var (rows, reading) = await ReadAsync(format, [
            new TestSheet("Инструкция", [["Заполните лист «Свод»: одна строка на школу."], ["Код школы — из реестра."]]),
            new TestSheet("Справочник", [["Код школы", "Наименование"], ["gatchinsky-001", "СОШ 1"]], Hidden: true),
            new TestSheet("Свод", [["Сведения о школах за 2023-2024"], [], ["Код ОО", "ЕГЭ ниже минимума"], ["gatchinsky-001", 6]]),
        ]);

        Assert.Equal("Свод", reading.Sheet);
        var row = Assert.Single(rows);
        Assert.Equal(6m, row.Indicators.EgeBelowMinShare);
        Assert.Equal(4, row.RowNumber);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task NoSheetHasAHeaderRow_TheMessageNamesTheSheetsReadAndTheAcceptedHeaders(string format)
    {
        var content = Write(format, [
            new TestSheet("Инструкция", [["Заполните таблицу"]]),
            new TestSheet("Лист1", [["Школа", "ЕГЭ ниже минимума"], ["gatchinsky-001", 6]]),
        ]);

        var message = await Reading.RejectionAsync(content, $"schools.{format}");

        Assert.Equal(
            $"Файл «schools.{format}»: ни на одном листе книги (прочитаны: «Инструкция», «Лист1») в первых 20 строках нет строки заголовков со столбцом кода школы. " +
            "Назовите столбец с кодами школ из реестра одним из принятых заголовков («school_id», «Код школы», «Код ОО», «Код образовательной организации», «Идентификатор школы», «ID школы») и загрузите файл снова.",
            message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task GapsAndBlankRows_KeepTheSheetsRowNumbers(string format)
    {
        var (_, reading) = await ReadAsync(format, [
            [],
            ["Код школы", "ЕГЭ ниже минимума"],
            [],
            ["gatchinsky-001", 1],
            [],
            [],
            ["gatchinsky-002", "много"],
        ]);

        Assert.Equal(7, Assert.Single(reading.Problems).Row);
    }

    private static Task<(List<SchoolRisk.Domain.Schools.SchoolRow> Rows, SchoolRisk.Domain.Uploads.UploadReading Reading)> ReadAsync(
        string format, IReadOnlyList<IReadOnlyList<SheetValue?>> rows, bool date1904 = false) =>
        ReadAsync(format, [new TestSheet("Данные", rows)], date1904);

    private static Task<(List<SchoolRisk.Domain.Schools.SchoolRow> Rows, SchoolRisk.Domain.Uploads.UploadReading Reading)> ReadAsync(string format, IReadOnlyList<TestSheet> sheets, bool date1904 = false) =>
        Reading.ReadAsync(Write(format, sheets, date1904), $"schools.{format}");

    private static byte[] Write(string format, IReadOnlyList<TestSheet> sheets, bool date1904 = false) =>
        format == "xls" ? XlsWriter.Write(sheets) : XlsxWriter.Write(sheets, date1904);
}
