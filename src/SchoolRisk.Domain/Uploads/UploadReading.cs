using System.Globalization;
using System.Runtime.CompilerServices;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads.Tables;
using SchoolRisk.Domain.Uploads.Values;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// Reads one upload, streaming, and checks it against the school registry: the one reading behind an upload and
/// <c>schoolrisk uploads check</c>. The file is opened in whatever format it is (<see cref="UploadTable"/>), its header
/// row found (the row with a school id column; in a workbook, on whichever sheet has one), its columns matched
/// (<see cref="UploadColumns"/>), and each row's values read as the user sees them (<see cref="IndicatorValues"/>).
/// Valid rows are yielded as they are read; a row whose number only the file's decimal mark can settle («1,234») is
/// yielded once the whole file is read. A delimited-text row with more fields than the header is skipped: its values
/// have shifted (a decimal comma in a comma-separated file), and no value of it can be trusted. A row with any problem is skipped and its problems kept (<see cref="Problems"/>);
/// a row that is not a school (a total, a signature) is left out with a note (<see cref="Notes"/>). A structural error
/// rejects the whole file with <see cref="FileRejectedException"/>: an unreadable file or format, no header row with a
/// school id column, no indicator column, a school of another municipality, too many rows, no valid row at all, or not
/// one value in any row (an unfilled template: an empty upload never replaces good results).
/// </summary>
public sealed class UploadReading(Stream content, UploadPath path, SchoolRegistry registry, UploadLimits limits) : IUploadReading
{
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    private readonly string _file = path.FileName;
    private readonly ProblemLog _log = new(path.FileName, limits);
    private readonly DecimalMarkEvidence _decimalMark = new();
    private int _withValues;

    /// <summary>The skipped rows' problems, in file order, up to <see cref="UploadLimits.MaxListedProblems"/>.</summary>
    public IReadOnlyList<UploadProblem> Problems => _log.Problems;

    /// <summary>Rows left out that are not schools, with why.</summary>
    public IReadOnlyList<UploadNote> Notes => _log.Notes;

    /// <summary>How many problems were found, listed or not.</summary>
    public int ProblemCount => _log.Count;

    /// <summary>Rows after the header that hold data (neither blank nor left out as not a school).</summary>
    public int DataRows { get; private set; }

    public int ValidRows { get; private set; }

    public int SkippedRows => DataRows - ValidRows;

    /// <summary>The format the file was read in, once read.</summary>
    public UploadFormat? Format { get; private set; }

    /// <summary>The sheet read, for a workbook.</summary>
    public string? Sheet { get; private set; }

    /// <summary>The indicator columns read: each indicator with the header it was found under.</summary>
    public IReadOnlyList<(Indicator Indicator, string Header)> RecognisedColumns { get; private set; } = [];

    /// <summary>Headers that name nothing the product knows, with the closest indicator; their columns were not read.</summary>
    public IReadOnlyList<UnrecognisedColumn> UnrecognisedColumns { get; private set; } = [];

    public async IAsyncEnumerable<SchoolRow> ReadValidRowsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var table = await UploadTable.OpenAsync(content, _file, limits, ColumnMap.FitAsHeader, cancellationToken);
        Format = table.Format;
        Sheet = table.Sheet;
        _log.RowNoun = table.Format.RowNoun();
        var columns = (table.Header is { } header ? ColumnMap.TryRead(header, table.Format, _file) : null) ?? throw NoHeader(table);
        RecognisedColumns = [.. columns.Indicators.Select(column => (column.Indicator, column.Header))];
        UnrecognisedColumns = columns.Unrecognised;

        var seen = new Dictionary<SchoolId, int>();
        var pending = new List<PendingRow>();
        var headerWidth = table.Header!.Cells.Count;
        await foreach (var row in table.DataRowsAsync().WithCancellation(cancellationToken))
        {
            if (row.IsBlank)
            {
                continue;
            }

            if (NonSchoolRows.Classify(row, columns) is { } note)
            {
                _log.Note(row, note);
                continue;
            }

            if (++DataRows > limits.MaxRows)
            {
                throw new FileRejectedException(
                    $"Файл «{_file}»: больше {limits.MaxRows.ToString("N0", Russian)} строк с данными, а в муниципалитете столько школ не бывает: проверьте, что загружается таблица школ, без лишних строк (каждая загрузка заменяет предыдущую целиком, поэтому файл нельзя делить на части).");
            }

            if (table.Format == UploadFormat.Csv && row.Cells.Skip(headerWidth).Any(cell => !cell.IsBlank))
            {
                Skip(row, null, null,
                    $"{_log.Where(row, null)}: в строке больше полей ({row.Cells.Count}), чем столбцов в строке заголовков ({headerWidth}), и значения сдвинулись: " +
                    "вероятно, в числе десятичная запятая, а поля разделены запятыми, или в строке лишний разделитель. Заключите такие значения в кавычки " +
                    "или сохраните файл с разделителем «;» и загрузите снова.");
                continue;
            }

            var read = Check(row, columns, seen);
            if (read?.IsSettled == true)
            {
                ValidRows++;
                var school = read.School();
                _withValues += HasValues(school) ? 1 : 0;
                yield return school;
            }
            else if (read is not null)
            {
                pending.Add(read);
            }
        }

        foreach (var read in pending)
        {
            if (Settle(read) is { } school)
            {
                ValidRows++;
                _withValues += HasValues(school) ? 1 : 0;
                yield return school;
            }
        }

        if (DataRows == 0)
        {
            throw new FileRejectedException($"Файл «{_file}»: нет ни одной строки с данными школ.");
        }

        if (ValidRows == 0)
        {
            throw new FileRejectedException(
                $"Файл «{_file}»: ни одна из {DataRows} строк не прошла проверку, например: {Problems[0].Message}");
        }

        if (_withValues == 0)
        {
            throw UnfilledTemplate();
        }
    }

    /// <summary>
    /// The refusal of a file with not one value: the same for every format, a column whose values are all empty being
    /// a JSON key whose values are all null or a key no record has (<see cref="ColumnMap"/>).
    /// </summary>
    private FileRejectedException UnfilledTemplate()
    {
        const string Rest = "похоже, это незаполненный шаблон. Заполните значения и загрузите файл снова; прежние данные за этот период остаются в силе.";
        return new FileRejectedException(Format != UploadFormat.Json
            ? $"Файл «{_file}»: ни в одной строке нет значений показателей (все ячейки пусты или «н/д»): {Rest}"
            : RecognisedColumns.Count > 0
                ? $"Файл «{_file}»: ни в одной записи нет значений показателей (все поля показателей пусты: null, «» или «н/д»): {Rest}"
                : $"Файл «{_file}»: ни в одной записи нет значений показателей (полей показателей в записях нет): {Rest} " +
                  $"Поля называются, как столбцы шаблона загрузки, например «{IndicatorCatalog.EgeBelowMinShare.Id}».");
    }

    private static bool HasValues(SchoolRow school) => IndicatorCatalog.All.Any(indicator => indicator.ValueOf(school.Indicators) is not null);

    private FileRejectedException NoHeader(UploadTable table)
    {
        var accepted = string.Join(", ", UploadColumns.SchoolIdHeaders.Take(6).Select(header => $"«{header}»"));
        var where = table.Sheets.Count > 0
            ? $"ни на одном листе книги (прочитаны: {string.Join(", ", table.Sheets.Select(sheet => $"«{sheet}»"))}) в первых {UploadTable.HeaderSearchRows} строках"
            : $"в первых {UploadTable.HeaderSearchRows} строках";
        var firstRow = table.FirstRow is { } first
            ? $" Первая строка файла прочитана так: «{UploadText.Quote(string.Join(" | ", first.Cells.Select(cell => cell.Text).Where(text => !string.IsNullOrWhiteSpace(text))))}»; " +
              "если в файле она выглядит иначе, он сохранён в другой кодировке: сохраните его в UTF-8 или Windows-1251."
            : string.Empty;
        return new FileRejectedException(
            $"Файл «{_file}»: {where} нет строки заголовков со столбцом кода школы. Назовите столбец с кодами школ из реестра " +
            $"одним из принятых заголовков ({accepted}) и загрузите файл снова.{firstRow}");
    }

    private PendingRow? Check(TableRow row, ColumnMap columns, Dictionary<SchoolId, int> seen)
    {
        var idHeader = columns.SchoolIdHeader;
        var schoolId = row.Cell(columns.SchoolId)?.Trim();
        if (string.IsNullOrEmpty(schoolId))
        {
            return Skip(row, idHeader, null, $"{_log.Where(row, idHeader)}: не указан код школы.");
        }

        var registered = SchoolId.TryParse(schoolId, out var id) ? registry.Find(id) : null;
        if (registered is null)
        {
            var refused = registry.Check.Problems.FirstOrDefault(problem => string.Equals(problem.Value?.Trim(), schoolId, StringComparison.OrdinalIgnoreCase));
            return Skip(row, idHeader, schoolId, refused is null
                ? $"{_log.Where(row, idHeader)}: школа «{UploadText.Quote(schoolId)}» не найдена в реестре школ."
                : $"{_log.Where(row, idHeader)}: школа «{UploadText.Quote(schoolId)}» не принята в реестр школ ({refused.Message}); исправить реестр может комитет, после этого загрузите файл снова.");
        }

        if (registered.MunicipalityId != path.MunicipalityId)
        {
            throw new FileRejectedException(
                $"{_log.Where(row, idHeader)}: школа «{schoolId}» относится к муниципалитету «{registered.MunicipalityId}», " +
                $"а файл загружен в папку муниципалитета «{path.MunicipalityId}». Файл отклонён: каждый муниципалитет загружает только свои школы.");
        }

        if (seen.TryGetValue(registered.Id, out var first))
        {
            return Skip(row, idHeader, schoolId, $"{_log.Where(row, idHeader)}: школа «{schoolId}» уже встречалась ({_log.RowNoun} {first}); повтор пропущен.");
        }

        seen[registered.Id] = row.Number;
        var values = new List<ReadValue>(columns.Indicators.Count);
        var problems = 0;
        foreach (var (indicator, index, header) in columns.Indicators)
        {
            var reading = IndicatorValues.Read(row.CellAt(index), indicator, _decimalMark);
            if (reading.IsProblem)
            {
                problems++;
                Skip(row, header, row.Cell(index), $"{_log.Where(row, header)}: {reading.Problem}");
                continue;
            }

            values.Add(new ReadValue(indicator, index, header, reading));
        }

        return problems > 0 ? null : new PendingRow(row, registered, values);
    }

    /// <summary>Reads a row's numbers the file's decimal mark settles; a number it leaves ambiguous skips the row.</summary>
    private SchoolRow? Settle(PendingRow read)
    {
        var problems = 0;
        var values = new List<ReadValue>(read.Values.Count);
        foreach (var value in read.Values)
        {
            var text = read.Row.Cell(value.Index);
            var settled = IndicatorValues.Settle(value.Reading, text, value.Indicator, _decimalMark.Settled);
            if (settled.IsProblem)
            {
                problems++;
                Skip(read.Row, value.Header, text, $"{_log.Where(read.Row, value.Header)}: {settled.Problem}");
            }

            values.Add(value with { Reading = settled });
        }

        return problems > 0 ? null : new PendingRow(read.Row, read.Registered, values).School();
    }

    private PendingRow? Skip(TableRow row, string? column, string? value, string message)
    {
        _log.Add(row, column, value, message);
        return null;
    }

    /// <summary>An indicator's value as read from its column.</summary>
    private sealed record ReadValue(Indicator Indicator, int Index, string Header, ValueReading Reading);

    /// <summary>A school's row whose values are read, some perhaps waiting for the file's decimal mark.</summary>
    private sealed record PendingRow(TableRow Row, RegisteredSchool Registered, List<ReadValue> Values)
    {
        public bool IsSettled => Values.All(value => !value.Reading.IsPending);

        public SchoolRow School() =>
            new(Row.Number, Registered.Id, Registered.Name, SchoolIndicators.Create(Values.Select(value => new KeyValuePair<Indicator, decimal?>(value.Indicator, value.Reading.Value))));
    }
}
