using System.Globalization;
using System.Runtime.CompilerServices;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Rubrics;

/// <summary>
/// Reads a rubric upload, streaming: one row per rubric and what it scores (the municipality itself, one of its schools,
/// or a course by its title), with the item scores in numbered columns. A row with a problem is skipped and its problems
/// kept: an unknown rubric, a missing or unknown subject, a repeated row, and any item score missing (a missing score is
/// an error, not a zero), other than 0, 1 or 2, or beyond the rubric's items. A school of another municipality, no
/// header row, too many rows or no valid row reject the file (<see cref="FileRejectedException"/>).
/// </summary>
public sealed class RubricReading(Stream content, UploadPath path, SchoolRegistry registry, IReadOnlyDictionary<string, Rubric> rubrics, UploadLimits limits)
    : IUploadReading
{
    private const int MaxSubjectLength = 200;
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    private readonly string _file = path.FileName;
    private readonly ProblemLog _log = new(path.FileName, limits);
    private readonly Dictionary<string, Rubric> _byName = rubrics.Values
        .SelectMany(rubric => new[] { (Key: HeaderText.Normalize(rubric.Id), rubric), (Key: HeaderText.Normalize(rubric.Title), rubric) })
        .DistinctBy(pair => pair.Key)
        .ToDictionary(pair => pair.Key, pair => pair.rubric);

    public IReadOnlyList<UploadProblem> Problems => _log.Problems;

    public int ProblemCount => _log.Count;

    public int DataRows { get; private set; }

    public int ValidRows { get; private set; }

    public IReadOnlyList<UploadNote> Notes => _log.Notes;

    /// <summary>Headers that are neither the rubric, the subject nor an item number; their columns were not read.</summary>
    public IReadOnlyList<UnrecognisedColumn> UnrecognisedColumns { get; private set; } = [];

    public async IAsyncEnumerable<RubricRow> ReadValidRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var table = await UploadTable.OpenAsync(content, _file, limits, row => RubricColumns.TryRead(row) is { } found ? (found.Items.Count > 0 ? HeaderFit.Full : HeaderFit.Partial) : HeaderFit.None, cancellationToken);
        _log.RowNoun = table.Format.RowNoun();
        var columns = (table.Header is { } header ? RubricColumns.TryRead(header) : null)
            ?? throw new FileRejectedException(
                $"Файл «{_file}»: {(table.Sheets.Count > 0 ? $"ни на одном листе книги (прочитаны: {string.Join(", ", table.Sheets.Select(sheet => $"«{sheet}»"))}) " : string.Empty)}" +
                $"в первых {UploadTable.HeaderSearchRows} строках нет строки заголовков со столбцом «Рубрика».");
        UnrecognisedColumns = [.. columns.Ignored.Select(ignored => new UnrecognisedColumn(ignored, null))];
        var seen = new Dictionary<(string, string), int>();
        await foreach (var row in table.DataRowsAsync().WithCancellation(cancellationToken))
        {
            if (row.IsBlank)
            {
                continue;
            }

            if (++DataRows > limits.MaxRows)
            {
                throw new FileRejectedException($"Файл «{_file}»: больше {limits.MaxRows.ToString("N0", Russian)} строк с данными: проверьте, что загружается таблица оценок по рубрикам, без лишних строк (каждая загрузка заменяет предыдущую целиком, поэтому файл нельзя делить на части).");
            }

            if (Check(row, columns, seen) is { } valid)
            {
                ValidRows++;
                yield return valid;
            }
        }

        if (ValidRows == 0)
        {
            throw new FileRejectedException(DataRows == 0
                ? $"Файл «{_file}»: нет ни одной строки с оценками по рубрикам."
                : $"Файл «{_file}»: ни одна из {DataRows} строк не прошла проверку, например: {Problems[0].Message}");
        }
    }

    private RubricRow? Check(TableRow row, RubricColumns columns, Dictionary<(string, string), int> seen)
    {
        var name = row.Cell(columns.Rubric)?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return Skip(row, columns.RubricHeader, null, $"{_log.Where(row, columns.RubricHeader)}: не указана рубрика.");
        }

        if (!_byName.TryGetValue(HeaderText.Normalize(name), out var rubric))
        {
            return Skip(row, columns.RubricHeader, name,
                $"{_log.Where(row, columns.RubricHeader)}: рубрика «{name}» неизвестна; известны: {string.Join(", ", rubrics.Keys.Order(StringComparer.Ordinal))}.");
        }

        var subjectText = columns.Subject is { } subjectIndex ? row.Cell(subjectIndex)?.Trim() : null;
        var subject = Subject(row, rubric, subjectText, columns.SubjectHeader);
        if (subject is null)
        {
            return null;
        }

        if (!seen.TryAdd((rubric.Id, subject.Value.Id), row.Number))
        {
            return Skip(row, columns.RubricHeader, name,
                $"{_log.Where(row, columns.RubricHeader)}: рубрика «{rubric.Title}» для «{subject.Value.Name}» уже встречалась ({_log.RowNoun} {seen[(rubric.Id, subject.Value.Id)]}); повтор пропущен.");
        }

        var scores = Scores(row, columns, rubric, out var unreadable);
        var problems = rubric.Check(scores);
        foreach (var problem in problems)
        {
            var header = columns.Items.TryGetValue(problem.Item, out var column) ? column.Header : null;
            Skip(row, header, header is null ? null : row.Cell(column.Index), $"{_log.Where(row, header)}: {problem.Message}.");
        }

        return unreadable || problems.Count > 0
            ? null
            : new RubricRow(row.Number, rubric, subject.Value.Id, subject.Value.Name, new RubricScores([.. scores.Take(rubric.Items).Select(score => score!.Value)]));
    }

    /// <summary>What the rubric scores: the municipality itself, a school registered in it, or a course by its title.</summary>
    private (string Id, string Name)? Subject(TableRow row, Rubric rubric, string? text, string header)
    {
        var where = _log.Where(row, header);
        switch (rubric.Level)
        {
            case RubricLevel.Municipality when string.IsNullOrEmpty(text) || text == path.MunicipalityId.ToString():
                return (path.MunicipalityId.ToString(), path.MunicipalityId.ToString());
            case RubricLevel.Municipality:
                Skip(row, header, text, $"{where}: рубрика «{rubric.Title}» оценивает муниципалитет; оставьте объект пустым или укажите «{path.MunicipalityId}».");
                return null;
            case RubricLevel.School when string.IsNullOrEmpty(text):
                Skip(row, header, null, $"{where}: рубрика «{rubric.Title}» оценивает школу; укажите код школы.");
                return null;
            case RubricLevel.School:
                var school = SchoolId.TryParse(text, out var id) ? registry.Find(id) : null;
                if (school is null)
                {
                    Skip(row, header, text, $"{where}: школа «{text}» не найдена в реестре школ.");
                    return null;
                }

                return school.MunicipalityId == path.MunicipalityId
                    ? (school.Id.ToString(), school.Name)
                    : throw new FileRejectedException(
                        $"{where}: школа «{text}» относится к муниципалитету «{school.MunicipalityId}», а файл загружен в папку муниципалитета " +
                        $"«{path.MunicipalityId}». Файл отклонён: каждый муниципалитет загружает только свои данные.");
            default:
                if (string.IsNullOrEmpty(text) || text.Length > MaxSubjectLength)
                {
                    Skip(row, header, text, $"{where}: рубрика «{rubric.Title}» оценивает программу курса; укажите её название (до {MaxSubjectLength} знаков).");
                    return null;
                }

                return (text, text);
        }
    }

    /// <summary>The item scores as written, <c>null</c> where empty; a cell that is not a whole number is a problem of its own.</summary>
    private List<int?> Scores(TableRow row, RubricColumns columns, Rubric rubric, out bool unreadable)
    {
        unreadable = false;
        var count = Math.Max(rubric.Items, columns.Items.Keys.DefaultIfEmpty(0).Max());
        var scores = new List<int?>(count);
        for (var item = 1; item <= count; item++)
        {
            var (index, header) = columns.Items.TryGetValue(item, out var column) ? column : (-1, string.Empty);
            var text = index < 0 ? null : row.Cell(index)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                scores.Add(null);
            }
            else if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var score))
            {
                scores.Add(score);
            }
            else
            {
                unreadable = true;
                scores.Add(0);
                Skip(row, header, text, $"{_log.Where(row, header)}: оценка «{text}» не является числом 0, 1 или 2.");
            }
        }

        return scores;
    }

    private RubricRow? Skip(TableRow row, string? column, string? value, string message)
    {
        _log.Add(row, column, value, message);
        return null;
    }
}
