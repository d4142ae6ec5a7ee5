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
        Assert.Equal($"Файл «schools.{format}», строка 2, столбец «Предписания и жалобы»: значение «300%» записано в процентном формате, а показатель измеряется в штуках (количество); задайте ячейке числовой формат и введите значение заново.", problem.Message);
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

        Assert.Equal(["gatchinsky-002"], rows.Select(row => row.SchoolId.ToString()));
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

    [Fact]
    public async Task AFormulasErrorCell_IsRefusedQuotingTheError_NeverReadAsAMissingValue()
    {
        var (rows, reading) = await ReadAsync("xlsx", [
            ["Код школы", "ЕГЭ ниже минимума", "ОГЭ на «2»"],
            ["gatchinsky-001", new ErrorValue("#DIV/0!"), 3],
            ["gatchinsky-002", 4, 5],
        ]);

        Assert.Equal(["gatchinsky-002"], rows.Select(row => row.SchoolId.ToString()));
        Assert.Equal(
            "Файл «schools.xlsx», строка 2, столбец «ЕГЭ ниже минимума»: в ячейке ошибка формулы «#DIV/0!»: значение не вычислено. Исправьте формулу или, если данных нет, оставьте ячейку пустой.",
            Assert.Single(reading.Problems).Message);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task TwoSheetsHoldingATableOfSchools_RefuseTheFileNamingThem_RatherThanReadOneWithoutAWord(string format)
    {
        var content = Write(format, [
            new TestSheet("2022-2023", [["Код ОО", "ЕГЭ ниже минимума"], ["gatchinsky-001", 1]]),
            new TestSheet("2023-2024", [["Код ОО", "ЕГЭ ниже минимума"], ["gatchinsky-001", 12.5]]),
        ]);

        var message = await Reading.RejectionAsync(content, $"schools.{format}");

        Assert.Contains("в книге несколько листов с таблицей школ («2022-2023», «2023-2024»)", message, StringComparison.Ordinal);
        Assert.Contains("Оставьте в файле один лист с данными за этот период (или назовите нужный лист «Данные»)", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task AnExampleSheetBeforeTheData_IsPassedOver(string format)
    {
        var (rows, reading) = await ReadAsync(format, [
            new TestSheet("Пример заполнения", [["Код ОО", "ЕГЭ ниже минимума"], ["gatchinsky-001", 0]]),
            new TestSheet("Гатчинский район", [["Код ОО", "ЕГЭ ниже минимума"], ["gatchinsky-001", 12.5]]),
        ]);

        Assert.Equal("Гатчинский район", reading.Sheet);
        Assert.Equal(12.5m, Assert.Single(rows).Indicators.EgeBelowMinShare);
    }

    [Fact]
    public async Task AHiddenSheetWithTheTable_BeatsAVisibleInstructionThatOnlyNamesTheIdColumn()
    {
        var (rows, reading) = await ReadAsync("xlsx", [
            new TestSheet("Инструкция", [["Код ОО", "код школы по реестру"]]),
            new TestSheet("Данные", [["Код ОО", "ЕГЭ ниже минимума"], ["gatchinsky-001", 7]], Hidden: true),
        ]);

        Assert.Equal("Данные", reading.Sheet);
        Assert.Equal(7m, Assert.Single(rows).Indicators.EgeBelowMinShare);
    }

    [Theory]
    [InlineData("Обучающиеся с ОВЗ, чел.", "ovz_share", "в штуках (количество)")]
    [InlineData("Доля ОВЗ, чел.", "ovz_share", "в штуках (количество)")]
    [InlineData("Доля результатов ЕГЭ ниже минимального балла (в долях единицы)", "ege_below_min_share", "в долях единицы (от 0 до 1)")]
    [InlineData("Правонарушения несовершеннолетних, %", "offences_per_1000", "в процентах")]
    [InlineData("Количество результатов ЕГЭ ниже минимального балла", "ege_below_min_share", "в штуках (количество)")]
    public async Task AHeaderNamingAUnitItsIndicatorIsNotMeasuredIn_IsNotRead_AndSaysSo(string header, string indicator, string named)
    {
        var (rows, reading) = await Reading.ReadAsync(System.Text.Encoding.UTF8.GetBytes($"Код ОО;ОГЭ на 2;{header}\ngatchinsky-001;1;45\n"), "schools.csv");

        Assert.Null(SchoolRisk.Domain.Indicators.IndicatorCatalog.Find(indicator)!.ValueOf(Assert.Single(rows).Indicators));
        var column = Assert.Single(reading.UnrecognisedColumns);
        Assert.Equal(indicator, column.SuggestedIndicator);
        Assert.Contains($"но по заголовку значения в нём {named}", column.Message("schools.csv"), StringComparison.Ordinal);
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
