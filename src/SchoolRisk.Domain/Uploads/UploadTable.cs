using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// An upload opened as a table, in whatever format it came (<see cref="UploadFormats.Detect"/>), with its header row
/// found among the first <see cref="HeaderSearchRows"/> non-blank rows (title rows above it are skipped): the first row
/// that fits fully (<see cref="HeaderFit.Full"/>), else the first that fits partly. In a workbook, the sheet is the one
/// holding the best such row. Data rows follow the header, streamed. Dispose it to delete the temporary copy a
/// non-seekable upload is read from.
/// </summary>
public sealed class UploadTable : IAsyncDisposable
{
    /// <summary>How many non-blank rows from the top are searched for the header row (title rows may come before it).</summary>
    public const int HeaderSearchRows = 20;

    private readonly SeekableContent _content;
    private readonly IAsyncEnumerator<TableRow>? _rows;

    private UploadTable(SeekableContent content, UploadFormat format, TableRow? header, IAsyncEnumerator<TableRow>? rows, string? sheet, IReadOnlyList<string> sheets, TableRow? firstRow = null)
    {
        FirstRow = firstRow;
        _content = content;
        Format = format;
        Header = header;
        _rows = rows;
        Sheet = sheet;
        Sheets = sheets;
    }

    public UploadFormat Format { get; }

    /// <summary>The header row; <c>null</c> when none was found (the reader then rejects the file, naming <see cref="Sheets"/>).</summary>
    public TableRow? Header { get; }

    /// <summary>The sheet read, in a workbook.</summary>
    public string? Sheet { get; }

    /// <summary>The first non-blank row of a text file with no header row, as it was read: what the user compares with the file (a wrong encoding shows here).</summary>
    public TableRow? FirstRow { get; }

    /// <summary>Every sheet searched for the header, in a workbook; empty otherwise.</summary>
    public IReadOnlyList<string> Sheets { get; }

    /// <summary>
    /// Opens <paramref name="content"/> (copied to a temporary file when it cannot seek) and finds its header row.
    /// </summary>
    /// <param name="content">The upload, as read from storage.</param>
    /// <param name="fileName">The file's name: its extension, and the name messages give.</param>
    /// <param name="limits">The decompression-bomb limits of a workbook.</param>
    /// <param name="headerFit">How well a row fits as the header: it names the column the reader cannot do without, and others it knows.</param>
    /// <param name="cancellationToken">Stops the copy and the search.</param>
    /// <exception cref="FileRejectedException">The file is in no format read here, or is unreadable in its format.</exception>
    public static async Task<UploadTable> OpenAsync(
        Stream content, string fileName, UploadLimits limits, Func<TableRow, HeaderFit> headerFit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(headerFit);
        ArgumentNullException.ThrowIfNull(limits);
        var seekable = await SeekableContent.OpenAsync(content, cancellationToken);
        try
        {
            var format = UploadFormats.Detect(fileName, seekable.Stream);
            if (format is UploadFormat.Xlsx or UploadFormat.Xls)
            {
                var place = WorkbookTable.FindHeader(seekable.Stream, fileName, format, limits, headerFit, HeaderSearchRows, out var sheets);
                if (place is null)
                {
                    return new UploadTable(seekable, format, null, null, null, sheets);
                }

                var rows = WorkbookTable.ReadFromHeader(seekable.Stream, fileName, format, place).ToAsyncEnumerable().GetAsyncEnumerator(cancellationToken);
                await rows.MoveNextAsync();
                return new UploadTable(seekable, format, rows.Current, rows, place.SheetName, sheets);
            }

            var text = (format == UploadFormat.Json
                ? JsonTable.ReadSeekableAsync(seekable.Stream, fileName, cancellationToken)
                : CsvTable.ReadSeekableAsync(seekable.Stream, fileName, cancellationToken)).GetAsyncEnumerator(cancellationToken);
            var before = new List<TableRow>();
            while (before.Count < HeaderSearchRows && await text.MoveNextAsync())
            {
                if (!text.Current.IsBlank)
                {
                    before.Add(text.Current);
                    if (headerFit(text.Current) == HeaderFit.Full)
                    {
                        break;
                    }
                }
            }

            var found = before.FindIndex(row => headerFit(row) == HeaderFit.Full) is var full and >= 0 ? full : before.FindIndex(row => headerFit(row) == HeaderFit.Partial);
            if (found < 0)
            {
                await text.DisposeAsync();
                return new UploadTable(seekable, format, null, null, null, [], before.FirstOrDefault());
            }

            return new UploadTable(seekable, format, before[found], Replay(before.Skip(found + 1).ToList(), text), null, []);
        }
        catch
        {
            await seekable.DisposeAsync();
            throw;
        }
    }

    /// <summary>Rows already read past the header during the search, then the rest.</summary>
    private static async IAsyncEnumerator<TableRow> Replay(List<TableRow> read, IAsyncEnumerator<TableRow> rest)
    {
        await using (rest)
        {
            foreach (var row in read)
            {
                yield return row;
            }

            while (await rest.MoveNextAsync())
            {
                yield return rest.Current;
            }
        }
    }

    /// <summary>The rows after the header, read once. Blank rows between are skipped here but keep the numbering.</summary>
    public async IAsyncEnumerable<TableRow> DataRowsAsync()
    {
        if (_rows is null)
        {
            yield break;
        }

        while (await _rows.MoveNextAsync())
        {
            yield return _rows.Current;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_rows is not null)
        {
            await _rows.DisposeAsync();
        }

        await _content.DisposeAsync();
    }
}
