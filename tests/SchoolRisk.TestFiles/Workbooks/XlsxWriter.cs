using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SchoolRisk.TestFiles.Workbooks;

/// <summary>Writes test workbooks (.xlsx) with the Open XML SDK: number formats, formulas with cached values, hidden sheets, the 1904 date system.</summary>
public static class XlsxWriter
{
    public static byte[] Write(IReadOnlyList<TestSheet> sheets, bool date1904 = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new WorkbookProperties { Date1904 = date1904 }, new Sheets());
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var styles = new Styles();
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                for (var r = 0; r < sheet.Rows.Count; r++)
                {
                    if (sheet.Rows[r].Count == 0)
                    {
                        continue;
                    }

                    var row = new Row { RowIndex = (uint)(r + 1) };
                    for (var c = 0; c < sheet.Rows[r].Count; c++)
                    {
                        if (sheet.Rows[r][c] is { } value)
                        {
                            row.Append(CellOf(value, $"{Column(c)}{r + 1}", strings.SharedStringTable, styles));
                        }
                    }

                    data.Append(row);
                }

                part.Worksheet = new Worksheet(data);
                workbook.Workbook.Sheets!.Append(new Sheet
                {
                    Id = workbook.GetIdOfPart(part),
                    SheetId = sheetId++,
                    Name = sheet.Name,
                    State = sheet.Hidden ? SheetStateValues.Hidden : null,
                });
            }

            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = styles.Build();
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Cell CellOf(SheetValue value, string reference, SharedStringTable strings, Styles styles) => value switch
    {
        TextValue text => new Cell
        {
            CellReference = reference,
            DataType = CellValues.SharedString,
            CellValue = new CellValue(Share(strings, text.Text)),
            StyleIndex = text.QuotePrefix ? Styles.QuotePrefix : null,
        },
        NumberValue number => new Cell { CellReference = reference, CellValue = new CellValue(number.Value), StyleIndex = styles.Of(number.Format) },
        FormulaValue formula => new Cell
        {
            CellReference = reference,
            CellFormula = new CellFormula(formula.Formula),
            CellValue = new CellValue(formula.Cached),
            StyleIndex = styles.Of(formula.Format),
        },
        BoolValue flag => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(flag.Value ? "1" : "0") },
        ErrorValue error => new Cell { CellReference = reference, DataType = CellValues.Error, CellFormula = new CellFormula("1/0"), CellValue = new CellValue(error.Error) },
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };

    private static int Share(SharedStringTable strings, string text)
    {
        strings.Append(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return strings.ChildElements.Count - 1;
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>Cell formats: General (0), text with a quote prefix (1), then one per number format used.</summary>
    private sealed class Styles
    {
        private readonly List<string> _formats = [];

        public const uint QuotePrefix = 1;

        public uint? Of(string? format)
        {
            if (format is null)
            {
                return null;
            }

            var index = _formats.IndexOf(format);
            if (index < 0)
            {
                _formats.Add(format);
                index = _formats.Count - 1;
            }

            return (uint)(index + 2);
        }

        public Stylesheet Build() => new(
            new NumberingFormats(_formats.Select((format, i) => new NumberingFormat { NumberFormatId = (uint)(164 + i), FormatCode = format })) { Count = (uint)_formats.Count },
            new Fonts(new Font()) { Count = 1 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None })) { Count = 1 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new[] { new CellFormat(), new CellFormat { NumberFormatId = 49, QuotePrefix = true, ApplyNumberFormat = true } }
                    .Concat(_formats.Select((_, i) => new CellFormat { NumberFormatId = (uint)(164 + i), ApplyNumberFormat = true })))
            { Count = (uint)(_formats.Count + 2) });
    }
}
