using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// The problems found while reading one upload: every one counted, the first <see cref="UploadLimits.MaxListedProblems"/>
/// kept; and the notes (rows left out that are not schools), kept the same way. Messages start with where the problem
/// is: «Файл «x.csv», строка 5, столбец «ЕГЭ»».
/// </summary>
public sealed class ProblemLog(string fileName, UploadLimits limits)
{
    private readonly List<UploadProblem> _problems = [];
    private readonly List<UploadNote> _notes = [];

    public IReadOnlyList<UploadProblem> Problems => _problems;

    public IReadOnlyList<UploadNote> Notes => _notes;

    public int Count { get; private set; }

    /// <summary>The word for a row in this file: «строка», or «запись» for JSON (set once the format is known).</summary>
    public string RowNoun { get; set; } = UploadFormat.Csv.RowNoun();

    public void Add(TableRow row, string? column, string? value, string message)
    {
        ArgumentNullException.ThrowIfNull(row);
        Count++;
        if (_problems.Count < limits.MaxListedProblems)
        {
            _problems.Add(new UploadProblem(row.Number, column, value, message));
        }
    }

    public void Note(TableRow row, string message)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (_notes.Count < limits.MaxListedProblems)
        {
            _notes.Add(new UploadNote(row.Number, $"{Where(row, null)}: {message}"));
        }
    }

    public string Where(TableRow row, string? column)
    {
        ArgumentNullException.ThrowIfNull(row);
        return column is null
            ? $"Файл «{fileName}», {RowNoun} {row.Number}"
            : $"Файл «{fileName}», {RowNoun} {row.Number}, столбец «{UploadText.Quote(column)}»";
    }
}
