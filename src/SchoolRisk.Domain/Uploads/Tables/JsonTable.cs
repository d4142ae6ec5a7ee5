using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using SchoolRisk.Domain.Uploads.Values;

namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>
/// Reads a JSON upload: a top-level array of objects, one per school, whose property names are column headers
/// (<c>[{"school_id": "gatchinsky-001", "ege_below_min_share": 4.5}, ...]</c>). The columns are every key of every
/// record, in the order they first appear (a key missing from the first record is still a column; a record without a
/// key has an empty cell there), so the file is read twice, one record at a time. The header is row 0; record N is row
/// N. A JSON number is a <see cref="CellFormat.Number"/> cell; a string holds text as typed («12,5»). A file in UTF-16
/// or Windows-1251 (<see cref="TextEncoding"/>) is read through a transcoding stream. A record with one key twice
/// (ignoring case) or an empty array refuses the file: which value is meant cannot be told.
/// </summary>
public static class JsonTable
{
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
        var utf8 = Utf8(content, encoding);
        var header = new List<string>();
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var records = 0;
        try
        {
            await foreach (var (number, record) in RecordsAsync(utf8, fileName, cancellationToken))
            {
                records++;
                var names = Decoded(fileName, number, () => record.EnumerateObject().Select(property => property.Name).ToList());
                if (names.GroupBy(name => name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(group => group.Count() > 1) is { } twice)
                {
                    throw new FileRejectedException(
                        $"Файл «{fileName}», запись {number}: поле «{twice.Key}» встречается в записи дважды ({string.Join(", ", twice.Select(name => $"«{name}»"))}); " +
                        "непонятно, какое значение верное. Оставьте одно поле и загрузите файл снова.");
                }

                foreach (var name in names)
                {
                    if (known.Add(name))
                    {
                        header.Add(name);
                    }
                }
            }
        }
        finally
        {
            await DisposeTranscodingAsync(utf8, content);
        }

        if (records == 0)
        {
            throw new FileRejectedException($"Файл «{fileName}»: в массиве нет ни одной записи.");
        }

        content.Position = 0;
        var again = Utf8(content, encoding);
        try
        {
            yield return TableRow.OfText(0, header);
            await foreach (var (number, record) in RecordsAsync(again, fileName, cancellationToken))
            {
                yield return new TableRow(number, Decoded(fileName, number, () =>
                {
                    var values = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in record.EnumerateObject())
                    {
                        values.TryAdd(property.Name, property.Value);
                    }

                    return header.Select(name => values.TryGetValue(name, out var value) ? Cell(value) : default).ToArray();
                }));
            }
        }
        finally
        {
            await DisposeTranscodingAsync(again, content);
        }
    }

    /// <summary>The content as UTF-8 for the JSON reader: itself when it is UTF-8, else a transcoding stream over it.</summary>
    private static Stream Utf8(Stream content, Encoding encoding) =>
        encoding.CodePage == Encoding.UTF8.CodePage ? content : Encoding.CreateTranscodingStream(content, encoding, Encoding.UTF8, leaveOpen: true);

    private static async ValueTask DisposeTranscodingAsync(Stream utf8, Stream content)
    {
        if (!ReferenceEquals(utf8, content))
        {
            await utf8.DisposeAsync();
        }
    }

    /// <summary>Reads a record's text; text that is not valid UTF-8 (which the JSON reader only finds when it decodes it) refuses the file.</summary>
    private static T Decoded<T>(string fileName, int number, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException exception)
        {
            throw new FileRejectedException($"Файл «{fileName}», запись {number}: текст не в кодировке UTF-8; сохраните файл в UTF-8.", exception);
        }
    }

    private static async IAsyncEnumerable<(int Number, JsonElement Record)> RecordsAsync(
        Stream content, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var records = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(content, cancellationToken: cancellationToken);
        await using var enumerator = records.GetAsyncEnumerator(cancellationToken);
        var number = 0;
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (JsonException exception)
            {
                throw new FileRejectedException(
                    $"Файл «{fileName}»: не читается как JSON-массив записей (строка {exception.LineNumber + 1} файла): ожидается [{{…}}, {{…}}].",
                    exception);
            }

            number++;
            if (enumerator.Current.ValueKind != JsonValueKind.Object)
            {
                throw new FileRejectedException($"Файл «{fileName}», запись {number}: ожидается объект {{…}} с полями школы.");
            }

            yield return (number, enumerator.Current);
        }
    }

    private static TableCell Cell(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => default,
        JsonValueKind.String => new TableCell(value.GetString()),
        JsonValueKind.Number => new TableCell(
            value.GetRawText(),
            decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? Precision.Round(number) : null,
            CellFormat.Number),
        JsonValueKind.True => new TableCell("true"),
        JsonValueKind.False => new TableCell("false"),
        _ => new TableCell(value.GetRawText()),
    };
}
