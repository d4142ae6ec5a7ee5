using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Domain.Registry;

/// <summary>
/// What checking one of the committee's files (the school registry, the recipients directory) row by row found.
/// <see cref="Problems"/> are the rows refused: each message, in Russian, names the file, the row as the user sees it,
/// the column and the value; the first <see cref="MaxListed"/> are kept, all are counted in <see cref="ProblemCount"/>.
/// <see cref="Notes"/> change nothing that is used (a row repeated word for word). Rows are counted below the header
/// row, blank lines left out; <see cref="ValidRows"/> are the rows in use.
/// </summary>
public sealed record FileCheck(
    string Title, string FileName, int DataRows, int ValidRows, int ProblemCount, IReadOnlyList<UploadProblem> Problems, IReadOnlyList<UploadProblem> Notes)
{
    /// <summary>How many problems, and how many notes, a check lists (a whole broken national registry stays small).</summary>
    public const int MaxListed = 1000;

    /// <summary>Why the file, though read, cannot be used at all: no row passed its checks; <c>null</c> when one did.</summary>
    public string? Unusable => ValidRows > 0
        ? null
        : DataRows == 0
            ? $"{Title} «{FileName}»: нет ни одной строки с данными."
            : $"{Title} «{FileName}»: ни одна из {DataRows} строк не прошла проверку.";

    /// <summary>The check of rows that came from code, not from a file: every one valid.</summary>
    public static FileCheck AllValid(string title, int rows) => new(title, string.Empty, rows, rows, 0, [], []);
}
