using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Tests.Uploads.Support;
using SchoolRisk.Domain.Uploads.Tables;
using SchoolRisk.TestFiles.Workbooks;

namespace SchoolRisk.Domain.Tests.Uploads;

/// <summary>
/// Property: any valid table, written in any format the product reads (CSV in four encodings, TSV, XLSX, XLS, JSON) with
/// the quirks people's files have (headers in another form, title rows, blank rows, a total row, either decimal mark,
/// units, thousands separators, apostrophes, percent-formatted and text cells, formula noise), reads back as exactly
/// the values written (a table with no value at all is refused as an unfilled template). CsCheck shrinks a failure to
/// the smallest table that shows it and prints its seed.
/// </summary>
public sealed class RoundTripPropertyTests
{
    private static readonly Indicator[] Indicators =
    [
        IndicatorCatalog.EgeBelowMinShare, IndicatorCatalog.OgeFailShare, IndicatorCatalog.RetentionShare, IndicatorCatalog.OffencesPer1000,
        IndicatorCatalog.SupervisionOrders, IndicatorCatalog.SocialWellbeingIndex, IndicatorCatalog.HasSportsClub,
    ];

    private static readonly string[] Schools = [.. Enumerable.Range(1, 5).Select(n => $"gatchinsky-00{n}")];

    private static readonly string[] Formats = ["csv", "tsv", "xlsx", "xls", "json"];

    private static readonly string[] Encodings = ["utf-8", "utf-8-bom", "windows-1251", "utf-16le-bom"];

    [Fact]
    public async Task AnyValidTable_InAnyFormatAndEncodingWithPeoplesQuirks_ReadsBackExactlyTheValuesWritten() =>
        await Tables().SampleAsync(
            async table =>
            {
                if (table.Rows.All(row => row.Cells.All(cell => cell.Value is null)))
                {
                    Assert.Contains("незаполненный шаблон", await Reading.RejectionAsync(Write(table), $"schools.{table.Format}"), StringComparison.Ordinal);
                    return;
                }

                var (rows, reading) = await Reading.ReadAsync(Write(table), $"schools.{table.Format}");

                Assert.Empty(reading.Problems);
                Assert.Equal(table.Rows.Select(row => row.SchoolId), rows.Select(row => row.SchoolId.ToString()));
                foreach (var (written, read) in table.Rows.Zip(rows))
                {
                    for (var c = 0; c < table.Columns.Length; c++)
                    {
                        Assert.Equal(written.Cells[c].Value, table.Columns[c].Indicator.ValueOf(read.Indicators));
                    }
                }

                Assert.Equal(table.TotalRow ? 1 : 0, reading.Notes.Count);
            },
            iter: 300,
            print: table => table.ToString());

    /// <summary>
    /// Seed eQQKFKEMlSW2: a JSON file whose only indicator column has its one value missing, left out of the record as
    /// exporters leave out null fields. No record has the key, and the file was refused as having no indicator column,
    /// at «строка 0», a row no one sees.
    /// </summary>
    [Fact]
    public async Task Seed_eQQKFKEMlSW2_JsonWhoseOnlyIndicatorKeyNoRecordHas_IsRefusedAsAnUnfilledTemplate()
    {
        var column = new Column(IndicatorCatalog.EgeBelowMinShare, "ЕГЭ ниже минимального балла\n(по данным за 2023-2024 учебный год)");
        var table = new Table("json", "utf-16le-bom", true, false, 0, false, false, [column], [new Row("gatchinsky-002", [new Cell(null, 2)])]);

        var message = await Reading.RejectionAsync(Write(table), "schools.json");

        Assert.Equal(
            "Файл «schools.json»: ни в одной записи нет значений показателей (полей показателей в записях нет): похоже, это незаполненный шаблон. " +
            "Заполните значения и загрузите файл снова; прежние данные за этот период остаются в силе. " +
            "Поля называются, как столбцы шаблона загрузки, например «ege_below_min_share».",
            message);
    }

    /// <summary>
    /// A column whose every value is empty is the same in every format: written empty, «-», «н/д», JSON null or a key
    /// left out of every record, under a two-line header, with a total row; the file is an unfilled template, and the
    /// message names no row.
    /// </summary>
    [Theory]
    [InlineData("csv", 0)]
    [InlineData("csv", 2)]
    [InlineData("tsv", 1)]
    [InlineData("xlsx", 0)]
    [InlineData("xlsx", 1)]
    [InlineData("xls", 0)]
    [InlineData("json", 1)]
    [InlineData("json", 2)]
    [InlineData("json", 3)]
    public async Task AColumnWithEveryValueEmpty_IsAnUnfilledTemplate_InEveryFormat(string format, int style)
    {
        var columns = new[] { IndicatorCatalog.EgeBelowMinShare, IndicatorCatalog.HasSportsClub }
            .Select(indicator => new Column(indicator, $"{indicator.Title}\n(по данным за 2023-2024 учебный год)")).ToArray();
        var rows = Schools.Take(2).Select(school => new Row(school, [.. columns.Select(_ => new Cell(null, style))])).ToArray();
        var table = new Table(format, "utf-8", true, true, 1, true, true, columns, rows);

        var message = await Reading.RejectionAsync(Write(table), $"schools.{format}");

        Assert.Contains("похоже, это незаполненный шаблон", message, StringComparison.Ordinal);
        Assert.DoesNotContain("строка 0", message, StringComparison.Ordinal);
        Assert.DoesNotContain("запись 0", message, StringComparison.Ordinal);
    }

    private static Gen<Table> Tables() =>
        from format in Gen.OneOf(Formats)
        from encoding in Gen.OneOf(Encodings)
        from comma in Gen.Bool
        from semicolon in Gen.Bool
        from titleRows in Gen.Int[0, 2]
        from blankLines in Gen.Bool
        from totalRow in Gen.Bool
        from count in Gen.Int[1, Indicators.Length]
        from indicators in Gen.Shuffle(Indicators, count)
        from columns in Sequence(indicators.Select(ColumnOf))
        from schoolCount in Gen.Int[1, Schools.Length]
        from schools in Gen.Shuffle(Schools, schoolCount)
        from rows in Sequence(schools.Select(school => Sequence(columns.Select(column => CellOf(column.Indicator))).Select(cells => new Row(school, cells))))
        select new Table(format, encoding, comma, semicolon, titleRows, blankLines, totalRow, columns, rows);

    /// <summary>One value from each generator, in order.</summary>
    private static Gen<T[]> Sequence<T>(IEnumerable<Gen<T>> generators) =>
        generators.Aggregate(Gen.Const(Array.Empty<T>()), (all, next) => from items in all from item in next select (T[])[.. items, item]);

    private static Gen<Column> ColumnOf(Indicator indicator) =>
        from header in Gen.OneOf([.. indicator.Headers])
        from decoration in Gen.Int[0, 3]
        select new Column(indicator, decoration switch
        {
            1 => header.ToUpperInvariant(),
            2 => $"{header}, {indicator.Unit.Symbol()}",
            3 => $"{header}\n(по данным за 2023-2024 учебный год)",
            _ => header,
        });

    private static Gen<Cell> CellOf(Indicator indicator) =>
        from missing in Gen.Int[0, 9]
        from value in indicator.Unit switch
        {
            IndicatorUnit.Percent => Gen.Int[0, 10_000].Select(n => n / 100m),
            IndicatorUnit.PerThousand => Gen.Int[0, 50_000].Select(n => n / 10m),
            IndicatorUnit.Index => Gen.Int[0, 100].Select(n => n / 100m),
            IndicatorUnit.Flag => Gen.Int[0, 1].Select(n => (decimal)n),
            _ => Gen.Int[0, 50].Select(n => (decimal)n),
        }
        from style in Gen.Int[0, 5]
        select new Cell(missing == 0 ? null : value, style);

    private static byte[] Write(Table table) => table.Format switch
    {
        "json" => WriteJson(table),
        "xlsx" => XlsxWriter.Write([Sheet(table)]),
        "xls" => XlsWriter.Write([Sheet(table)]),
        _ => WriteText(table),
    };

    private static byte[] WriteText(Table table)
    {
        var separator = table.Format == "tsv" ? '\t' : table.Semicolon || table.Comma ? ';' : ',';
        var text = new StringBuilder();
        for (var t = 0; t < table.TitleRows; t++)
        {
            text.Append("Сведения о школах Гатчинского муниципального района\r\n");
        }

        Line(["Код ОО", .. table.Columns.Select(column => column.Header)]);
        foreach (var row in table.Rows)
        {
            if (table.BlankLines)
            {
                text.Append("\r\n");
            }

            Line([row.SchoolId, .. row.Cells.Select((cell, c) => Text(table, table.Columns[c].Indicator, cell))]);
        }

        if (table.TotalRow)
        {
            Line(["Итого по району", .. table.Columns.Select(_ => string.Empty)]);
        }

        var written = text.ToString();
        return table.Encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(written)],
            "windows-1251" => TextEncoding.Windows1251.GetBytes(written),
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(written)],
            _ => Encoding.UTF8.GetBytes(written),
        };

        void Line(IEnumerable<string> cells) => text.Append(string.Join(separator, cells.Select(cell =>
            cell.Contains(separator) || cell.Contains('"', StringComparison.Ordinal) || cell.Contains('\n', StringComparison.Ordinal)
                ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
                : cell))).Append("\r\n");
    }

    /// <summary>A value as a person types it, in one of the styles a cell's <see cref="Cell.Style"/> picks.</summary>
    private static string Text(Table table, Indicator indicator, Cell cell)
    {
        if (cell.Value is not { } value)
        {
            return cell.Style switch { 1 => "-", 2 => "н/д", _ => string.Empty };
        }

        if (indicator.Unit == IndicatorUnit.Flag)
        {
            return (cell.Style % 3, value == 1) switch
            {
                (0, true) => "да",
                (0, false) => "нет",
                (1, true) => "ИСТИНА",
                (1, false) => "ЛОЖЬ",
                _ => value.ToString(CultureInfo.InvariantCulture),
            };
        }

        var mark = table.Comma ? "," : ".";
        var plain = value.ToString(CultureInfo.InvariantCulture).Replace(".", mark, StringComparison.Ordinal);
        return cell.Style switch
        {
            1 when indicator.Unit == IndicatorUnit.Percent => plain + (value > 50 ? " %" : "%"),
            1 when indicator.Unit == IndicatorUnit.PerThousand => plain + "‰",
            2 => "'" + plain,
            3 when value >= 1000 => Grouped(value, mark, table.Encoding == "windows-1251" ? ' ' : value > 2000 ? '\u202F' : '\u00A0'),
            4 => $"  {plain} ",
            _ => plain,
        };
    }

    private static string Grouped(decimal value, string mark, char space)
    {
        var whole = decimal.Truncate(value).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', space);
        var fraction = value - decimal.Truncate(value);
        return fraction == 0 ? whole : whole + mark + fraction.ToString(CultureInfo.InvariantCulture)[2..];
    }

    private static TestSheet Sheet(Table table)
    {
        var rows = new List<IReadOnlyList<SheetValue?>>();
        for (var t = 0; t < table.TitleRows; t++)
        {
            rows.Add(["Сведения о школах Гатчинского муниципального района"]);
        }

        rows.Add(["Код ОО", .. table.Columns.Select(column => (SheetValue)column.Header)]);
        foreach (var row in table.Rows)
        {
            if (table.BlankLines)
            {
                rows.Add([]);
            }

            rows.Add([row.SchoolId, .. row.Cells.Select((cell, c) => SheetCell(table, table.Columns[c].Indicator, cell))]);
        }

        if (table.TotalRow)
        {
            rows.Add(["Итого по району"]);
        }

        return new TestSheet("Данные", rows);
    }

    private static SheetValue? SheetCell(Table table, Indicator indicator, Cell cell)
    {
        if (cell.Value is not { } value)
        {
            return cell.Style == 1 ? new TextValue("-") : null;
        }

        var number = (double)value;
        return (cell.Style, indicator.Unit) switch
        {
            (0, IndicatorUnit.Flag) => new BoolValue(value == 1),
            (1, _) => new NumberValue(number, "0.00"),
            (2, IndicatorUnit.Percent) => new NumberValue(number / 100, "0.00%"),
            (3, _) => new TextValue(Text(table, indicator, cell with { Style = 0 })),
            (4, _) => new FormulaValue("A1*1", number == 0 ? 0 : number * (1 + 2e-16)),
            _ => new NumberValue(number),
        };
    }

    private static byte[] WriteJson(Table table)
    {
        var records = table.Rows.Select(row =>
        {
            var record = new Dictionary<string, object?> { ["school_id"] = row.SchoolId };
            for (var c = 0; c < table.Columns.Length; c++)
            {
                var cell = row.Cells[c];
                if (cell.Value is null && cell.Style % 2 == 0)
                {
                    continue;
                }

                record[table.Columns[c].Header] = cell.Style < 3 ? cell.Value : Text(table, table.Columns[c].Indicator, cell);
            }

            return record;
        }).ToList();
        if (table.TotalRow)
        {
            records.Add(new Dictionary<string, object?> { ["school_id"] = "Итого по району" });
        }

        return JsonSerializer.SerializeToUtf8Bytes(records);
    }

    private sealed record Column(Indicator Indicator, string Header)
    {
        public override string ToString() => $"{Indicator.Id} as «{Header}»";
    }

    private sealed record Cell(decimal? Value, int Style)
    {
        public override string ToString() => $"{Value?.ToString(CultureInfo.InvariantCulture) ?? "missing"}/{Style}";
    }

    private sealed record Row(string SchoolId, Cell[] Cells)
    {
        public override string ToString() => $"{SchoolId}: {string.Join(", ", Cells.Select(cell => cell.ToString()))}";
    }

    private sealed record Table(
        string Format, string Encoding, bool Comma, bool Semicolon, int TitleRows, bool BlankLines, bool TotalRow, Column[] Columns, Row[] Rows)
    {
        public override string ToString() =>
            $"{Format} {Encoding} decimal {(Comma ? "comma" : "point")}, {TitleRows} title rows, blank lines {BlankLines}, total {TotalRow}; " +
            $"columns: {string.Join("; ", Columns.Select(column => column.ToString()))}; rows: {string.Join(" | ", Rows.Select(row => row.ToString()))}";
    }
}
