using System.Globalization;
using System.Runtime.CompilerServices;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// Reads one upload, streaming, and checks it against the school registry. Valid rows are yielded as they are read;
/// a row with any problem is skipped and its problems kept (<see cref="Problems"/>). A structural error rejects the
/// whole file with <see cref="UploadRejectedException"/>: an unreadable file, no header row with a school id column,
/// no indicator column, a school of another municipality, too many rows, or no valid row at all.
/// </summary>
public sealed class UploadReading(Stream content, UploadPath path, SchoolRegistry registry, UploadLimits limits) : IUploadReading
{
    /// <summary>How many rows from the top are searched for the header row (title rows may come before it).</summary>
    public const int HeaderSearchRows = 20;

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");
    private static readonly string[] MissingMarks = ["-", "—", "–", "н/д", "нет данных"];

    private readonly string _file = path.FileName;
    private readonly ProblemLog _log = new(path.FileName, limits);

    /// <summary>The skipped rows' problems, in file order, up to <see cref="UploadLimits.MaxListedProblems"/>.</summary>
    public IReadOnlyList<UploadProblem> Problems => _log.Problems;

    /// <summary>How many problems were found, listed or not.</summary>
    public int ProblemCount => _log.Count;

    public int DataRows { get; private set; }

    public int ValidRows { get; private set; }

    public int SkippedRows => DataRows - ValidRows;

    /// <summary>Header cells that name nothing the system knows; their columns were not read.</summary>
    public IReadOnlyList<string> IgnoredColumns { get; private set; } = [];

    public async IAsyncEnumerable<SchoolRow> ReadValidRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var rows = UploadTable.ReadAsync(content, _file, limits, cancellationToken);

        ColumnMap? columns = null;
        var searched = 0;
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (row.IsBlank)
            {
                continue;
            }

            if (columns is null)
            {
                columns = ColumnMap.TryRead(row, _file);
                IgnoredColumns = columns?.Ignored ?? [];
                if (columns is null && ++searched >= HeaderSearchRows)
                {
                    break;
                }

                continue;
            }

            if (++DataRows > limits.MaxRows)
            {
                throw new UploadRejectedException(
                    $"Файл «{_file}»: больше {limits.MaxRows.ToString("N0", Russian)} строк с данными; разделите файл на части.");
            }

            var school = Check(row, columns, seen);
            if (school is not null)
            {
                ValidRows++;
                yield return school;
            }
        }

        if (columns is null)
        {
            throw new UploadRejectedException(
                $"Файл «{_file}»: в первых {HeaderSearchRows} строках нет строки заголовков со столбцом «Код школы» (school_id).");
        }

        if (DataRows == 0)
        {
            throw new UploadRejectedException($"Файл «{_file}»: нет ни одной строки с данными школ.");
        }

        if (ValidRows == 0)
        {
            throw new UploadRejectedException(
                $"Файл «{_file}»: ни одна из {DataRows} строк не прошла проверку, например: {Problems[0].Message}");
        }
    }

    private SchoolRow? Check(TableRow row, ColumnMap columns, Dictionary<string, int> seen)
    {
        var idHeader = columns.SchoolIdHeader;
        var schoolId = row.Cell(columns.SchoolId)?.Trim();
        if (string.IsNullOrEmpty(schoolId))
        {
            return Skip(row, idHeader, null, $"{_log.Where(row, idHeader)}: не указан код школы.");
        }

        var registered = registry.Find(schoolId);
        if (registered is null)
        {
            return Skip(row, idHeader, schoolId, $"{_log.Where(row, idHeader)}: школа «{schoolId}» не найдена в реестре школ.");
        }

        if (registered.MunicipalityId != path.MunicipalityId)
        {
            throw new UploadRejectedException(
                $"{_log.Where(row, idHeader)}: школа «{schoolId}» относится к муниципалитету «{registered.MunicipalityId}», " +
                $"а файл загружен в папку муниципалитета «{path.MunicipalityId}». Файл отклонён: каждый муниципалитет загружает только свои школы.");
        }

        if (seen.TryGetValue(registered.Id, out var first))
        {
            return Skip(row, idHeader, schoolId, $"{_log.Where(row, idHeader)}: школа «{schoolId}» уже встречалась ({_log.RowNoun} {first}); повтор пропущен.");
        }

        seen[registered.Id] = row.Number;
        var values = new List<KeyValuePair<Indicator, decimal?>>(columns.Indicators.Count);
        var problems = 0;
        foreach (var (indicator, index, header) in columns.Indicators)
        {
            var text = row.Cell(index)?.Trim();
            if (TryParse(text, out var value, out var problem, indicator))
            {
                values.Add(new(indicator, value));
                continue;
            }

            problems++;
            Skip(row, header, text, $"{_log.Where(row, header)}: значение «{text}» {problem}.");
        }

        return problems > 0 ? null : new SchoolRow(row.Number, registered.Id, registered.Name, SchoolIndicators.Create(values));
    }

    /// <summary>A value of the indicator's unit; empty or «-» is missing.</summary>
    private static bool TryParse(string? text, out decimal? value, out string problem, Indicator indicator)
    {
        value = null;
        problem = string.Empty;
        if (string.IsNullOrEmpty(text) || MissingMarks.Contains(text, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!indicator.Unit.TryParse(text, out var parsed, out problem))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    private SchoolRow? Skip(TableRow row, string? column, string? value, string message)
    {
        _log.Add(row, column, value, message);
        return null;
    }
}
