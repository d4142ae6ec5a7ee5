using SchoolRisk.Domain.Registry;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Federal;

/// <summary>
/// The committee's federal file of a period, read and checked: one row per school with its registry id, whether it is on
/// the federal list of low-result schools, and its federal risk profile (docs/federal-list.md). Read like an upload
/// (<see cref="UploadTable"/>: <c>.xlsx</c>, <c>.xls</c>, CSV in UTF-8 with or without BOM or Windows-1251, <c>;</c> or
/// <c>,</c>, the header row found under title rows, headers in Russian or as ids, <see cref="FederalColumns"/>) and
/// checked like the committee's registry (<see cref="FileCheck"/>): a row with a missing or unknown school id, a
/// school not in the registry, a repeated school, or a yes/no or level that cannot be read is refused and named (file,
/// row as the spreadsheet shows it, column as headed, value, in Russian); the other rows are used. Columns not
/// recognised are noted and not read.
/// </summary>
public sealed record FederalList(IReadOnlyList<FederalSchool> Schools, FileCheck Check)
{
    /// <summary>What the committee calls this file in messages.</summary>
    public const string Title = "Федеральный перечень ШНОР";

    private static readonly Dictionary<string, bool> YesNo = new(StringComparer.Ordinal)
    {
        ["да"] = true,
        ["yes"] = true,
        ["1"] = true,
        ["нет"] = false,
        ["no"] = false,
        ["0"] = false,
    };

    private static readonly Dictionary<string, FederalRiskLevel> Levels = new(StringComparer.Ordinal)
    {
        ["высокий"] = FederalRiskLevel.High,
        ["high"] = FederalRiskLevel.High,
        ["средний"] = FederalRiskLevel.Medium,
        ["medium"] = FederalRiskLevel.Medium,
        ["низкий"] = FederalRiskLevel.Low,
        ["low"] = FederalRiskLevel.Low,
    };

    /// <summary>The schools on the federal list.</summary>
    public IEnumerable<FederalSchool> OnList => Schools.Where(school => school.OnList);

    /// <summary>
    /// Reads and checks a federal file. Never throws on a row's problem (see <see cref="Check"/>).
    /// </summary>
    /// <param name="content">The file as stored.</param>
    /// <param name="fileName">Its name: the extension tells the format, messages name it.</param>
    /// <param name="registry">The school registry in use: names and municipalities come from it.</param>
    /// <param name="limits">The upload limits (rows, workbook decompression).</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <exception cref="FileRejectedException">
    /// The file cannot be read at all: in no format read here, no header row, the school id or list column missing, or
    /// more rows than <see cref="UploadLimits.MaxRows"/>; the Russian message names the file.
    /// </exception>
    public static async Task<FederalList> ReadAsync(
        Stream content, string fileName, SchoolRegistry registry, UploadLimits limits, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            return await ReadTableAsync(content, fileName, registry, limits, cancellationToken);
        }
        catch (FileRejectedException exception) when (!exception.Message.StartsWith(Title, StringComparison.Ordinal))
        {
            // The table readers' own reasons («Файл «x» пуст.», a broken workbook) say which file, not which of the committee's files.
            throw new FileRejectedException($"{Title}: {exception.Message}", exception);
        }
    }

    private static async Task<FederalList> ReadTableAsync(Stream content, string fileName, SchoolRegistry registry, UploadLimits limits, CancellationToken cancellationToken)
    {
        await using var table = await UploadTable.OpenAsync(content, fileName, limits, Fit, cancellationToken);
        if (table.Header is not { } header)
        {
            throw new FileRejectedException(
                $"{Title} «{fileName}»: не найдена строка заголовков с кодом школы и признаком федерального перечня " +
                $"(нужны столбцы {Headers(FederalColumns.School)} и {Headers(FederalColumns.List)})" +
                (table.FirstRow is { } first ? $"; первая строка файла: «{string.Join(";", first.Cells.Select(cell => cell.Text))}»." : "."));
        }

        var log = new FileCheckLog(Title, fileName);
        var columns = Columns(header, log);
        if (!columns.ContainsKey(FederalColumns.OnList))
        {
            throw new FileRejectedException(
                $"{Title} «{fileName}», строка {header.Number}: нет столбца «{FederalColumns.OnList}» (входит ли школа в федеральный перечень; заголовки: {Headers(FederalColumns.List)}).");
        }

        var schools = new Dictionary<SchoolId, (FederalSchool School, int Row)>();
        var rows = 0;
        await foreach (var row in table.DataRowsAsync().WithCancellation(cancellationToken))
        {
            if (row.IsBlank)
            {
                continue;
            }

            if (++rows > limits.MaxRows)
            {
                throw new FileRejectedException($"{Title} «{fileName}»: строк больше {limits.MaxRows}; разделите файл или удалите лишние строки.");
            }

            log.CountRow();
            if (Read(row, columns, registry, log) is not { } school)
            {
                continue;
            }

            if (schools.TryGetValue(school.SchoolId, out var first))
            {
                var (index, heading) = columns[FederalColumns.SchoolId];
                log.Refuse(row, heading, row.Cell(index)?.Trim(),
                    $"школа «{school.SchoolId}» уже есть в строке {first.Row}; действует строка {first.Row}, эта строка не учтена. Оставьте одну из строк.");
                continue;
            }

            schools[school.SchoolId] = (school, row.Number);
        }

        return new FederalList([.. schools.Values.Select(entry => entry.School)], log.Build(schools.Count));
    }

    /// <summary>How well a row fits as the header: the school id column is required, the list column makes it full.</summary>
    private static HeaderFit Fit(TableRow row)
    {
        var matched = row.Cells.Select(cell => FederalColumns.Match(cell.Text)).ToList();
        return !matched.Contains(FederalColumns.School) ? HeaderFit.None
            : matched.Contains(FederalColumns.List) ? HeaderFit.Full
            : HeaderFit.Partial;
    }

    /// <summary>The column id → its index and its header as written; a column not recognised, or a second one of a kind, is noted and not read.</summary>
    private static Dictionary<string, (int Index, string Heading)> Columns(TableRow header, FileCheckLog log)
    {
        var columns = new Dictionary<string, (int Index, string Heading)>(StringComparer.Ordinal);
        for (var index = 0; index < header.Cells.Count; index++)
        {
            var heading = header.Cell(index)?.Trim() ?? string.Empty;
            if (heading.Length == 0)
            {
                continue;
            }

            var column = FederalColumns.Match(heading);
            if (column is null)
            {
                log.Note(header, heading, null, "столбец не распознан и не прочитан (допустимые столбцы — в docs/federal-list.md).");
            }
            else if (column == FederalColumns.Other)
            {
                continue;
            }
            else if (columns.TryGetValue(column.Id, out var first))
            {
                log.Note(header, heading, null, $"столбец повторяет столбец «{first.Heading}» и не прочитан.");
            }
            else
            {
                columns[column.Id] = (index, heading);
            }
        }

        return columns;
    }

    /// <summary>One row's school, or <c>null</c> when any of its cells is refused (each refusal logged).</summary>
    private static FederalSchool? Read(TableRow row, Dictionary<string, (int Index, string Heading)> columns, SchoolRegistry registry, FileCheckLog log)
    {
        var problems = 0;
        string Text(string column) => columns.TryGetValue(column, out var at) ? row.Cell(at.Index)?.Trim() ?? string.Empty : string.Empty;
        void Refuse(string column, string problem)
        {
            problems++;
            var text = Text(column);
            log.Refuse(row, columns[column].Heading, text.Length > 0 ? text : null, problem);
        }

        var idText = Text(FederalColumns.SchoolId);
        RegisteredSchool? registered = null;
        if (idText.Length == 0)
        {
            Refuse(FederalColumns.SchoolId, "не указан код школы; строка не учтена.");
        }
        else if (!SchoolId.TryParse(idText, out var id))
        {
            Refuse(FederalColumns.SchoolId, $"{SchoolId.ProblemOf(idText)} Строка не учтена.");
        }
        else if ((registered = registry.Find(id)) is null)
        {
            Refuse(FederalColumns.SchoolId, $"школы «{idText}» нет в реестре школ (registry/schools.csv); строка не учтена. Проверьте код.");
        }

        var listText = Text(FederalColumns.OnList);
        if (!YesNo.TryGetValue(Key(listText), out var onList))
        {
            Refuse(FederalColumns.OnList, (listText.Length == 0 ? "не указано, входит ли школа в федеральный перечень" : $"значение «{listText}» не распознано") +
                ": укажите да или нет (1 или 0, yes или no); строка не учтена.");
        }

        var profile = new SortedDictionary<string, FederalRiskLevel>(StringComparer.Ordinal);
        foreach (var factor in FederalRiskFactors.All.Where(factor => columns.ContainsKey(factor.Id)))
        {
            var text = Text(factor.Id);
            if (text.Length == 0)
            {
                continue;
            }

            if (Levels.TryGetValue(Key(text), out var level))
            {
                profile[factor.Id] = level;
            }
            else
            {
                Refuse(factor.Id, $"уровень риска «{text}» не распознан: укажите высокий, средний или низкий (пустая клетка — фактор не оценивался); строка не учтена.");
            }
        }

        return problems > 0 || registered is null ? null : new FederalSchool(registered.Id, registered.Name, registered.MunicipalityId, onList, profile);
    }

    private static string Headers(FederalColumn column) => string.Join(", ", column.Headers.Take(3).Select(header => $"«{header}»"));

    private static string Key(string text) => text.ToLowerInvariant().Replace('ё', 'е');
}
