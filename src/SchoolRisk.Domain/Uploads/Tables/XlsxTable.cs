using System.Globalization;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using MiniExcelLibs;
using SchoolRisk.Domain.Indicators;

namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>
/// Reads the data sheet of an Excel workbook (.xlsx) as rows of text, streaming: the sheet named «Данные»,
/// «Школы», «data» or «schools» when there is one, otherwise the first. Before reading, the archive is checked for
/// decompression bombs: its declared unpacked size and every part's compression ratio must be within
/// <see cref="UploadLimits"/>. MiniExcel reads synchronously: a row at a time, blocking on the underlying stream.
/// </summary>
public static class XlsxTable
{
    private static readonly string[] DataSheetNames = ["данные", "школы", "data", "schools"];

    public static async IAsyncEnumerable<TableRow> ReadAsync(
        Stream content, string fileName, UploadLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(limits);
        var copy = content.CanSeek ? null : await CopyToTemporaryFileAsync(content, cancellationToken);
        await using var owned = copy;
        var seekable = copy ?? content;
        seekable.Position = 0;
        CheckArchive(seekable, fileName, limits);

        string sheet;
        IEnumerable<dynamic> rows;
        try
        {
            var sheets = MiniExcel.GetSheetNames(seekable);
            sheet = sheets.FirstOrDefault(name => DataSheetNames.Contains(HeaderText.Normalize(name))) ?? sheets.First();
            seekable.Position = 0;
            rows = MiniExcel.Query(seekable, useHeaderRow: false, sheetName: sheet);
        }
        catch (Exception exception) when (exception is InvalidDataException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new UploadRejectedException($"Файл «{fileName}» не читается как книга Excel (.xlsx).", exception);
        }

        var number = 0;
        using var enumerator = rows.GetEnumerator();
        while (Next(enumerator, fileName))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cells = (IDictionary<string, object?>)enumerator.Current;
            yield return new TableRow(++number, [.. cells.Values.Select(Text)]);
        }
    }

    private static bool Next(IEnumerator<dynamic> rows, string fileName)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception exception) when (exception is InvalidDataException or System.Xml.XmlException or FormatException)
        {
            throw new UploadRejectedException($"Файл «{fileName}» не читается как книга Excel (.xlsx).", exception);
        }
    }

    private static void CheckArchive(Stream content, string fileName, UploadLimits limits)
    {
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
                    throw new UploadRejectedException(
                        $"Файл «{fileName}»: книга Excel распаковывается в слишком большой объём (часть «{entry.FullName}»: " +
                        $"{entry.Length:N0} байт, сжатие в {ratio} раз); файл отклонён как небезопасный.");
                }
            }
        }
        catch (InvalidDataException exception)
        {
            throw new UploadRejectedException($"Файл «{fileName}» не является книгой Excel (.xlsx): архив повреждён.", exception);
        }

        content.Position = 0;
    }

    /// <summary>The archive's directory is at its end, so reading needs a seekable stream; any other is copied to a temporary file.</summary>
    private static async Task<Stream> CopyToTemporaryFileAsync(Stream content, CancellationToken cancellationToken)
    {
        var copy = new FileStream(
            Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        await content.CopyToAsync(copy, cancellationToken);
        return copy;
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
