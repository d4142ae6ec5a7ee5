using System.Runtime.CompilerServices;
using System.Text.Json;

namespace SchoolRisk.Domain.Uploads.Tables;

/// <summary>
/// Reads a JSON upload, streaming: a top-level array of objects, one per school, whose property names are column
/// headers (<c>[{"school_id": "gatchinsky-001", "ege_below_min_share": 4.5}, ...]</c>). The first object's properties
/// become the header row (number 0); record N is row N. Numbers may also be strings, with a decimal comma.
/// </summary>
public static class JsonTable
{
    public static async IAsyncEnumerable<TableRow> ReadAsync(
        Stream content, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        string[]? header = null;
        var number = 0;
        await using var records = Records(content, fileName, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (await records.MoveNextAsync())
        {
            var record = records.Current;
            number++;
            if (record.ValueKind != JsonValueKind.Object)
            {
                throw new UploadRejectedException($"Файл «{fileName}», запись {number}: ожидается объект {{…}} с полями школы.");
            }

            if (header is null)
            {
                header = Decoded(fileName, number, () => record.EnumerateObject().Select(property => property.Name).ToArray());
                yield return new TableRow(0, header);
            }

            var names = header;
            yield return new TableRow(number, Decoded(fileName, number, () =>
            {
                var values = record.EnumerateObject()
                    .GroupBy(property => property.Name, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(group => group.Key, group => group.First().Value, StringComparer.OrdinalIgnoreCase);
                return names.Select(name => values.TryGetValue(name, out var value) ? Text(value) : null).ToArray();
            }));
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
            throw new UploadRejectedException($"Файл «{fileName}», запись {number}: текст не в кодировке UTF-8; сохраните файл в UTF-8.", exception);
        }
    }

    private static async IAsyncEnumerable<JsonElement> Records(
        Stream content, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var records = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(content, cancellationToken: cancellationToken);
        await using var enumerator = records.GetAsyncEnumerator(cancellationToken);
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
                throw new UploadRejectedException(
                    $"Файл «{fileName}»: не читается как JSON-массив записей (строка {exception.LineNumber + 1} файла): ожидается [{{…}}, {{…}}].",
                    exception);
            }

            yield return enumerator.Current;
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        _ => value.GetRawText(),
    };
}
