using NPOI.HSSF.UserModel;
using NPOI.SS.UserModel;

namespace SchoolRisk.TestFiles.Workbooks;

/// <summary>Writes test workbooks in the Excel 97–2003 format (.xls) with NPOI's HSSF: number formats, formulas, hidden sheets.</summary>
public static class XlsWriter
{
    public static byte[] Write(IReadOnlyList<TestSheet> sheets)
    {
        var workbook = new HSSFWorkbook();
        var formats = workbook.CreateDataFormat();
        var styles = new Dictionary<string, ICellStyle>();
        foreach (var sheet in sheets)
        {
            var written = workbook.CreateSheet(sheet.Name);
            if (sheet.Hidden)
            {
                workbook.SetSheetHidden(workbook.GetSheetIndex(written), SheetState.Hidden);
            }

            for (var r = 0; r < sheet.Rows.Count; r++)
            {
                if (sheet.Rows[r].Count == 0)
                {
                    continue;
                }

                var row = written.CreateRow(r);
                for (var c = 0; c < sheet.Rows[r].Count; c++)
                {
                    if (sheet.Rows[r][c] is not { } value)
                    {
                        continue;
                    }

                    var cell = row.CreateCell(c);
                    switch (value)
                    {
                        case TextValue text:
                            cell.SetCellValue(text.Text);
                            break;
                        case NumberValue number:
                            cell.SetCellValue(number.Value);
                            Format(cell, number.Format);
                            break;
                        case FormulaValue formula:
                            cell.SetCellValue(formula.Cached);
                            Format(cell, formula.Format);
                            break;
                        case BoolValue flag:
                            cell.SetCellValue(flag.Value);
                            break;
                        case ErrorValue:
                            cell.SetCellErrorValue(FormulaError.DIV0.Code);
                            break;
                    }
                }
            }
        }

        using var stream = new MemoryStream();
        workbook.Write(stream);
        return stream.ToArray();

        void Format(ICell cell, string? format)
        {
            if (format is null)
            {
                return;
            }

            if (!styles.TryGetValue(format, out var style))
            {
                style = workbook.CreateCellStyle();
                style.DataFormat = formats.GetFormat(format);
                styles[format] = style;
            }

            cell.CellStyle = style;
        }
    }
}
