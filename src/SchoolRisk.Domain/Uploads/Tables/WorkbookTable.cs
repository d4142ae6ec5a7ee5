using System.Globalization;
using System.IO.Compression;
using System.Text;
using ExcelDataReader;
using SchoolRisk.Domain.Indicators;

namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>
/// Reads an Excel workbook, <c>.xlsx</c> or <c>.xls</c> (Excel 97–2003), with ExcelDataReader: one library for both,
/// reading a sheet forward a row at a time, giving each cell's number format (so a percent or a date is read as the sheet
/// shows it) and converting dates of 1900- and 1904-based workbooks alike. The sheet read is the one whose first rows
/// hold the header row (<see cref="FindHeader"/>), whatever its name and place. Before reading, an <c>.xlsx</c> archive
/// is checked for decompression bombs against <see cref="UploadLimits"/>. Row numbers are the sheet's. An <c>.xlsx</c>
/// cell holding a formula's error is an error cell (<see cref="WorkbookErrors"/>); in an <c>.xls</c> it reads as empty,
/// the one thing ExcelDataReader 3.6 does not tell.
/// </summary>
internal static class WorkbookTable
{
    private static readonly string[] DataSheetNames = ["данные", "школы", "data", "schools"];

    /// <summary>How sheets that hold examples or instructions, not data, are named (normalised, by their start).</summary>
    private static readonly string[] SampleSheetStarts = ["пример", "образец", "инструкц", "справочн", "example", "sample"];

    static WorkbookTable() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Where the header row is: the sheet's index, its name, and the header's row number.</summary>
    public sealed record HeaderPlace(int Sheet, string SheetName, int Row);

    /// <summary>
    /// Looks for the header row among the first <paramref name="searchRows"/> non-blank rows of every sheet (the first
    /// row that fits fully, else the first that fits partly) and chooses the sheet: a full fit before a partial one, a
    /// visible sheet before a hidden one; among equals, sheets named as examples or instructions («Пример», «Образец»,
    /// «Инструкция», «Справочник») are passed over, and one named «Данные», «Школы», «data» or «schools» is taken. When
    /// several sheets still hold a full table of schools (last year's and this year's), the file is refused naming them:
    /// reading one of them without a word could read the wrong year. <c>null</c> when no sheet has a header;
    /// <paramref name="sheets"/> names every sheet searched.
    /// </summary>
    public static HeaderPlace? FindHeader(
        Stream content, string fileName, UploadFormat format, UploadLimits limits, Func<TableRow, HeaderFit> headerFit, int searchRows, out IReadOnlyList<string> sheets)
    {
        if (format == UploadFormat.Xlsx)
        {
            CheckArchive(content, fileName, limits);
        }

        var found = new List<(HeaderPlace Place, bool Visible, HeaderFit Fit)>();
        var names = new List<string>();
        Guarded(fileName, format, () =>
        {
            using var reader = Open(content);
            var sheet = 0;
            do
            {
                names.Add(reader.Name);
                var (number, searched) = (0, 0);
                (int Row, HeaderFit Fit) best = (0, HeaderFit.None);
                while (searched < searchRows && best.Fit != HeaderFit.Full && reader.Read())
                {
                    var row = RowOf(reader, ++number);
                    if (row.IsBlank)
                    {
                        continue;
                    }

                    searched++;
                    var fit = headerFit(row);
                    best = fit > best.Fit ? (number, fit) : best;
                }

                if (best.Fit != HeaderFit.None)
                {
                    found.Add((new HeaderPlace(sheet, reader.Name, best.Row), reader.VisibleState is null or "visible", best.Fit));
                }

                sheet++;
            }
            while (reader.NextResult());
        });
        content.Position = 0;
        sheets = names;
        if (found.Count == 0)
        {
            return null;
        }

        var best = found.Max(candidate => (candidate.Fit, candidate.Visible));
        var equals = found.Where(candidate => (candidate.Fit, candidate.Visible) == best).ToList();
        var real = equals.Where(candidate => !SampleSheetStarts.Any(start => HeaderText.Normalize(candidate.Place.SheetName).StartsWith(start, StringComparison.Ordinal))).ToList();
        var pool = real.Count > 0 ? real : equals;
        var named = pool.Where(candidate => DataSheetNames.Contains(HeaderText.Normalize(candidate.Place.SheetName))).ToList();
        if (named.Count == 1)
        {
            return named[0].Place;
        }

        if (pool.Count > 1 && best.Fit == HeaderFit.Full)
        {
            throw new FileRejectedException(
                $"Файл «{fileName}»: в книге несколько листов с таблицей школ ({string.Join(", ", pool.Select(candidate => $"«{candidate.Place.SheetName}»"))}), " +
                "и непонятно, какой из них загружать. Оставьте в файле один лист с данными за этот период (или назовите нужный лист «Данные») и загрузите файл снова.");
        }

        return pool[0].Place;
    }

    /// <summary>The rows of the sheet <paramref name="place"/> names, from its header row on.</summary>
    public static IEnumerable<TableRow> ReadFromHeader(Stream content, string fileName, UploadFormat format, HeaderPlace place)
    {
        var errors = format == UploadFormat.Xlsx ? WorkbookErrors.Of(content, place.Sheet) : new Dictionary<(int, int), string>();
        content.Position = 0;
        using var reader = Guarded(fileName, format, () => Open(content));
        for (var sheet = 0; sheet < place.Sheet; sheet++)
        {
            Guarded(fileName, format, reader.NextResult);
        }

        var number = 0;
        while (Guarded(fileName, format, reader.Read))
        {
            if (++number >= place.Row)
            {
                yield return Guarded(fileName, format, () => RowOf(reader, number, errors));
            }
        }
    }

    private static IExcelDataReader Open(Stream content) =>
        ExcelReaderFactory.CreateReader(content, new ExcelReaderConfiguration { LeaveOpen = true, FallbackEncoding = TextEncoding.Windows1251 });

    private static TableRow RowOf(IExcelDataReader reader, int number, IReadOnlyDictionary<(int Row, int Column), string>? errors = null)
    {
        var cells = new TableCell[reader.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            var value = reader.GetValue(i);
            cells[i] = value is null && errors is not null && errors.TryGetValue((number, i), out var error)
                ? new TableCell(error, null, CellFormat.Error)
                : SpreadsheetCell.Of(value, reader.GetNumberFormatString(i));
        }

        return new TableRow(number, cells);
    }

    /// <summary>
    /// Runs a step of ExcelDataReader. The workbook is a local copy (<see cref="SeekableContent"/>), so anything the
    /// library throws is about the file's content, never storage: it refuses the file, naming what to do.
    /// </summary>
    private static T Guarded<T>(string fileName, UploadFormat format, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception exception) when (exception is not (OperationCanceledException or OutOfMemoryException or FileRejectedException))
        {
            var name = exception.GetType().Name;
            throw new FileRejectedException(
                name.Contains("Password", StringComparison.Ordinal) || name.Contains("Encrypt", StringComparison.Ordinal) || exception.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase)
                    ? $"Файл «{fileName}»: книга Excel защищена паролем. Снимите защиту (Файл → Сведения → Защита книги) и загрузите файл снова."
                    : $"Файл «{fileName}» не читается как книга Excel ({(format == UploadFormat.Xls ? ".xls" : ".xlsx")}): файл повреждён или сохранён не в формате Excel. " +
                      "Откройте его в Excel и сохраните как «Книга Excel (.xlsx)».",
                exception);
        }
    }

    private static void Guarded(string fileName, UploadFormat format, Action step) => Guarded(fileName, format, () =>
    {
        step();
        return true;
    });

    private static void CheckArchive(Stream content, string fileName, UploadLimits limits)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                total += entry.Length;
                var ratio = entry.CompressedLength == 0 ? 0 : entry.Length / entry.CompressedLength;
                if (total > limits.MaxUnpackedBytes || (entry.Length > 1024 * 1024 && ratio > limits.MaxCompressionRatio))
                {
                    throw new FileRejectedException(
                        string.Create(CultureInfo.GetCultureInfo("ru-RU"),
                            $"Файл «{fileName}»: книга Excel распаковывается в слишком большой объём (часть «{entry.FullName}»: {entry.Length:N0} байт, сжатие в {ratio} раз); файл отклонён как небезопасный."));
                }
            }
        }
        catch (InvalidDataException exception)
        {
            throw new FileRejectedException($"Файл «{fileName}» не является книгой Excel (.xlsx): архив повреждён.", exception);
        }

        content.Position = 0;
    }
}
