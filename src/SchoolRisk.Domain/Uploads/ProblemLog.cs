using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// The problems found while reading one upload: every one counted, the first <see cref="UploadLimits.MaxListedProblems"/>
/// kept. Messages start with where the problem is: «Файл «x.csv», строка 5, столбец «ЕГЭ»».
/// </summary>
public sealed class ProblemLog(string fileName, UploadLimits limits)
{
    private readonly List<UploadProblem> _problems = [];
    private readonly string _noun = UploadFormats.Of(fileName).RowNoun();

    public IReadOnlyList<UploadProblem> Problems => _problems;

    public int Count { get; private set; }

    /// <summary>The word for a row in this file: «строка», or «запись» for JSON.</summary>
    public string RowNoun => _noun;

    public void Add(TableRow row, string? column, string? value, string message)
    {
        ArgumentNullException.ThrowIfNull(row);
        Count++;
        if (_problems.Count < limits.MaxListedProblems)
        {
            _problems.Add(new UploadProblem(row.Number, column, value, message));
        }
    }

    public string Where(TableRow row, string? column)
    {
        ArgumentNullException.ThrowIfNull(row);
        return column is null ? $"Файл «{fileName}», {_noun} {row.Number}" : $"Файл «{fileName}», {_noun} {row.Number}, столбец «{column}»";
    }
}
