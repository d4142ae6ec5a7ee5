using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>
/// Reads delimited text (<c>.csv</c>, <c>.txt</c>, <c>.tsv</c>) as rows of text, streaming after one pass that decides
/// the encoding from the whole file (<see cref="TextEncoding"/>). The separator is the one of <c>;</c>, tab and
/// <c>,</c> that splits the first lines into the same number of fields most consistently (a tab-separated file whose
/// values carry decimal commas is still tab-separated); a <c>.tsv</c> file is tab-separated when it has a tab. Row
/// numbers are records, as Excel shows the file: a quoted cell spanning three lines is one row. A stray quote that
/// swallows the rows after it refuses the file rather than lose them.
/// </summary>
public static class CsvTable
{
    /// <summary>Longest field accepted, in characters; the file size limit bounds it first in practice.</summary>
    public const int MaxFieldLength = 1_000_000;

    private const int SniffBytes = 64 * 1024;
    private const int SniffLines = 50;
    private static readonly char[] Separators = [';', '\t', ','];

    /// <summary>Reads <paramref name="content"/> (copied to a temporary file first when it cannot seek).</summary>
    public static async IAsyncEnumerable<TableRow> ReadAsync(
        Stream content, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var seekable = await SeekableContent.OpenAsync(content, cancellationToken);
        await foreach (var row in ReadSeekableAsync(seekable.Stream, fileName, cancellationToken))
        {
            yield return row;
        }
    }

    internal static async IAsyncEnumerable<TableRow> ReadSeekableAsync(
        Stream content, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var encoding = await TextEncoding.DetectAsync(content, cancellationToken);
        var separator = DetectSeparator(await SniffAsync(content, encoding, cancellationToken), fileName);
        using var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 81920, leaveOpen: true);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = separator.ToString(),
            BadDataFound = null,
            IgnoreBlankLines = false,
            MaxFieldSize = MaxFieldLength,
        });

        while (await ReadAsync(csv, fileName))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var record = csv.Record ?? [];
            CheckSwallowedRows(record, separator, fileName, csv.Row);
            yield return TableRow.OfText(csv.Row, record);
        }
    }

    /// <summary>
    /// The separator that gives the most of the first non-empty lines (outside quotes) the same, non-zero number of
    /// fields; more fields wins a tie, then the order <c>;</c>, tab, <c>,</c>. A <c>.tsv</c> or <c>.tab</c> file with a
    /// tab in its first lines is tab-separated.
    /// </summary>
    internal static char DetectSeparator(string text, string fileName = "")
    {
        var lines = CountPerLine(text);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".tsv" or ".tab" && lines.Any(counts => counts[Array.IndexOf(Separators, '\t')] > 0))
        {
            return '\t';
        }

        var best = (Separator: Separators[0], Consistent: 0, Fields: 0);
        for (var s = 0; s < Separators.Length; s++)
        {
            var counts = lines.Select(line => line[s]).Where(count => count > 0).ToList();
            if (counts.Count == 0)
            {
                continue;
            }

            var mode = counts.GroupBy(count => count).OrderByDescending(group => group.Count()).ThenByDescending(group => group.Key).First();
            var consistent = lines.Count(line => line[s] == mode.Key);
            if (consistent > best.Consistent || (consistent == best.Consistent && mode.Key > best.Fields))
            {
                best = (Separators[s], consistent, mode.Key);
            }
        }

        return best.Separator;
    }

    /// <summary>
    /// Refuses the file when a quoted cell spans lines that look like rows of their own (a line inside it has as many
    /// separators as the record, less its first fields): a stray quote opened the cell and the rows after it were read as
    /// its text, so they would be lost without a word. A multi-line comment has no such lines.
    /// </summary>
    private static void CheckSwallowedRows(string[] record, char separator, string fileName, int row)
    {
        foreach (var field in record)
        {
            if (field.Contains('\n', StringComparison.Ordinal)
                && field.Split('\n').Skip(1).Any(line => line.Count(c => c == separator) >= Math.Max(1, record.Length - 2)))
            {
                throw new FileRejectedException(
                    $"Файл «{fileName}», строка {row}: ячейка открывается кавычкой «\"», которая закрывается только через несколько строк, и эти строки файла " +
                    "слились в одну ячейку. Уберите лишнюю кавычку (или закройте её в той же строке) и загрузите файл снова.");
            }
        }
    }

    /// <summary>For each of the first <see cref="SniffLines"/> non-empty lines, how often each separator occurs outside quotes.</summary>
    private static List<int[]> CountPerLine(string text)
    {
        var lines = new List<int[]>();
        var counts = new int[Separators.Length];
        var quoted = false;
        var lineHasText = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
                lineHasText = true;
            }
            else if (!quoted && c == '\n')
            {
                if (lineHasText)
                {
                    lines.Add(counts);
                    if (lines.Count >= SniffLines)
                    {
                        return lines;
                    }
                }

                counts = new int[Separators.Length];
                lineHasText = false;
            }
            else if (!quoted && Array.IndexOf(Separators, c) is var index and >= 0)
            {
                counts[index]++;
            }
            else if (!char.IsWhiteSpace(c))
            {
                lineHasText = true;
            }
        }

        if (lineHasText)
        {
            lines.Add(counts);
        }

        return lines;
    }

    /// <summary>The first <see cref="SniffBytes"/> bytes as text; a character cut by the window's end is replaced, not an error.</summary>
    private static async Task<string> SniffAsync(Stream content, Encoding encoding, CancellationToken cancellationToken)
    {
        var head = new byte[SniffBytes];
        var length = await content.ReadAtLeastAsync(head, SniffBytes, throwOnEndOfStream: false, cancellationToken);
        content.Position = 0;
        var lenient = Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        return lenient.GetString(head, 0, length);
    }

    private static async Task<bool> ReadAsync(CsvParser csv, string fileName)
    {
        try
        {
            return await csv.ReadAsync();
        }
        catch (CsvHelperException exception) when (exception is FieldValidationException || exception.Message.Contains("MaxFieldSize", StringComparison.Ordinal))
        {
            throw new FileRejectedException(
                string.Create(CultureInfo.GetCultureInfo("ru-RU"), $"Файл «{fileName}», строка {csv.Row}: поле длиннее {MaxFieldLength:N0} символов; файл отклонён."), exception);
        }
        catch (CsvHelperException exception)
        {
            throw new FileRejectedException($"Файл «{fileName}», строка {csv.Row}: файл не читается как таблица CSV.", exception);
        }
    }
}
