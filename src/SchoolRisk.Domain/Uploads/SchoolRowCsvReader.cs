using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using CsvHelper.Configuration;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// Reads school rows from a CSV upload, streaming: UTF-8, comma-separated, a header row of column ids
/// (<c>school_id</c>, <c>school_name</c> and indicator ids from <see cref="IndicatorCatalog"/>), invariant decimals.
/// Unknown columns are ignored; an empty cell is a missing value.
/// </summary>
public static class SchoolRowCsvReader
{
    public const string SchoolIdColumn = "school_id";
    public const string SchoolNameColumn = "school_name";

    public static async IAsyncEnumerable<SchoolRow> ReadAsync(
        Stream content, string fileName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
            BadDataFound = null,
        };
        using var reader = new StreamReader(content, leaveOpen: true);
        using var csv = new CsvReader(reader, configuration);

        if (!await ReadRecordAsync(csv, fileName) || !csv.ReadHeader())
        {
            throw new UploadRejectedException($"Файл «{fileName}» пуст: нет строки заголовков.");
        }

        var header = csv.HeaderRecord ?? [];
        var idColumn = IndexOf(header, SchoolIdColumn)
            ?? throw new UploadRejectedException($"Файл «{fileName}»: нет обязательного столбца «{SchoolIdColumn}».");
        var nameColumn = IndexOf(header, SchoolNameColumn);
        var indicatorColumns = header
            .Select((name, index) => (Indicator: IndicatorCatalog.Find(name.Trim()), Index: index))
            .Where(column => column.Indicator is not null)
            .Select(column => (Indicator: column.Indicator!, column.Index))
            .ToArray();

        while (await ReadRecordAsync(csv, fileName))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rowNumber = csv.Parser.RawRow;
            var schoolId = csv.GetField(idColumn)?.Trim();
            if (string.IsNullOrEmpty(schoolId))
            {
                throw new UploadRejectedException(
                    $"Файл «{fileName}», строка {rowNumber}, столбец «{SchoolIdColumn}»: не указан код школы.");
            }

            var values = indicatorColumns.Select(column => new KeyValuePair<Indicator, decimal?>(
                column.Indicator, ParseValue(csv.GetField(column.Index), fileName, rowNumber, header[column.Index])));
            var schoolName = nameColumn is { } index ? csv.GetField(index)?.Trim() ?? string.Empty : string.Empty;
            yield return new SchoolRow(rowNumber, schoolId, schoolName, SchoolIndicators.Create(values));
        }
    }

    private static async Task<bool> ReadRecordAsync(CsvReader csv, string fileName)
    {
        try
        {
            return await csv.ReadAsync();
        }
        catch (CsvHelperException exception)
        {
            throw new UploadRejectedException(
                $"Файл «{fileName}», строка {csv.Parser.RawRow}: файл не читается как CSV ({exception.GetType().Name}).", exception);
        }
    }

    private static int? IndexOf(string[] header, string column)
    {
        var index = Array.FindIndex(header, name => string.Equals(name.Trim(), column, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index;
    }

    private static decimal? ParseValue(string? text, string fileName, int rowNumber, string column)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UploadRejectedException(
                $"Файл «{fileName}», строка {rowNumber}, столбец «{column.Trim()}»: значение «{text}» не является числом.");
    }
}
