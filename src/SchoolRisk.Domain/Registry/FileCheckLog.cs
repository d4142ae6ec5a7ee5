using System.Runtime.CompilerServices;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Registry;

/// <summary>
/// Reads one of the committee's CSV files row by row and collects what its rows' checks refuse or note. Messages start
/// with where: «Реестр школ «schools.csv», строка 5, столбец «school_id»: …».
/// </summary>
internal sealed class FileCheckLog(string title, string fileName)
{
    private readonly List<UploadProblem> _problems = [];
    private readonly List<UploadProblem> _notes = [];
    private int _problemCount;
    private int _dataRows;

    /// <summary>
    /// The data rows, each with the cells of <paramref name="columns"/> trimmed (empty when absent). The header is the
    /// first non-blank row; a file without one, or without one of the columns, cannot be used and is refused whole.
    /// </summary>
    public IAsyncEnumerable<(TableRow Row, string[] Cells)> RowsAsync(Stream content, IReadOnlyList<string> columns, CancellationToken cancellationToken) =>
        RowsAsync(content, columns, [], cancellationToken);

    /// <summary>
    /// The data rows as <see cref="RowsAsync(Stream, IReadOnlyList{string}, CancellationToken)"/> reads them, followed by
    /// the cells of <paramref name="optionalColumns"/>, empty in every row when the header lacks the column.
    /// </summary>
    public async IAsyncEnumerable<(TableRow Row, string[] Cells)> RowsAsync(
        Stream content, IReadOnlyList<string> columns, IReadOnlyList<string> optionalColumns, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        int[]? index = null;
        await foreach (var row in CsvTable.ReadAsync(content, fileName, cancellationToken))
        {
            if (row.IsBlank)
            {
                continue;
            }

            if (index is null)
            {
                index = [.. Header(row, columns), .. optionalColumns.Select(column => IndexOf(row, column))];
                continue;
            }

            _dataRows++;
            yield return (row, [.. index.Select(column => column < 0 ? string.Empty : row.Cell(column)?.Trim() ?? string.Empty)]);
        }

        if (index is null)
        {
            throw new FileRejectedException($"{title} «{fileName}»: файл пуст, нет строки заголовков (нужны столбцы {string.Join(", ", columns)}).");
        }
    }

    /// <summary>Counts a data row read by the caller (a reader that finds its header itself, as the federal file's does).</summary>
    public void CountRow() => _dataRows++;

    /// <summary>Refuses a row because of the value in <paramref name="column"/>.</summary>
    public void Refuse(TableRow row, string column, string? value, string problem)
    {
        _problemCount++;
        if (_problems.Count < FileCheck.MaxListed)
        {
            _problems.Add(new UploadProblem(row.Number, column, value, $"{Where(row, column)}: {problem}"));
        }
    }

    /// <summary>Notes what a row changes nothing by (it repeats another).</summary>
    public void Note(TableRow row, string column, string? value, string note)
    {
        if (_notes.Count < FileCheck.MaxListed)
        {
            _notes.Add(new UploadProblem(row.Number, column, value, $"{Where(row, column)}: {note}"));
        }
    }

    public FileCheck Build(int validRows) => new(title, fileName, _dataRows, validRows, _problemCount, _problems, _notes);

    private string Where(TableRow row, string column) => $"{title} «{fileName}», строка {row.Number}, столбец «{column}»";

    private static int IndexOf(TableRow row, string column) =>
        row.Cells.ToList().FindIndex(cell => string.Equals(cell.Text?.Trim(), column, StringComparison.OrdinalIgnoreCase));

    private int[] Header(TableRow row, IReadOnlyList<string> columns)
    {
        var index = columns.Select(column => IndexOf(row, column)).ToArray();
        var missing = columns.Where((_, i) => index[i] < 0).Select(column => $"«{column}»").ToList();
        return missing.Count switch
        {
            0 => index,
            1 => throw new FileRejectedException($"{title} «{fileName}», строка {row.Number}: нет столбца {missing[0]} (нужны столбцы {string.Join(", ", columns)})."),
            _ => throw new FileRejectedException($"{title} «{fileName}», строка {row.Number}: нет столбцов {string.Join(", ", missing)} (нужны столбцы {string.Join(", ", columns)})."),
        };
    }
}
