using System.Globalization;
using System.Text.RegularExpressions;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Rubrics;

/// <summary>
/// Which columns of a rubric upload's header row hold the rubric, what it scores and each item's score. Items are
/// headed by their number: «1», «п1», «п. 1», «пункт 1» or «item_1».
/// </summary>
public sealed partial record RubricColumns(
    int Rubric,
    string RubricHeader,
    int? Subject,
    string SubjectHeader,
    IReadOnlyDictionary<int, (int Index, string Header)> Items,
    IReadOnlyList<string> Ignored)
{
    public static IReadOnlyList<string> RubricHeaders { get; } = ["rubric", "Рубрика", "Код рубрики", "Название рубрики"];

    public static IReadOnlyList<string> SubjectHeaders { get; } =
        ["subject", "Объект", "Объект оценки", "Код школы", "school_id", "Школа", "Курс", "Программа курса"];

    private static readonly HashSet<string> RubricKeys = [.. RubricHeaders.Select(HeaderText.Normalize)];
    private static readonly HashSet<string> SubjectKeys = [.. SubjectHeaders.Select(HeaderText.Normalize)];

    /// <summary>Reads a header row; <c>null</c> when it has no rubric column (it is then not the header row).</summary>
    public static RubricColumns? TryRead(TableRow header)
    {
        ArgumentNullException.ThrowIfNull(header);
        (int Index, string Header)? rubric = null;
        (int Index, string Header)? subject = null;
        var items = new Dictionary<int, (int, string)>();
        var ignored = new List<string>();
        for (var index = 0; index < header.Cells.Count; index++)
        {
            var text = header.Cells[index].Text?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var key = HeaderText.Normalize(text);
            if (RubricKeys.Contains(key))
            {
                rubric ??= (index, text);
            }
            else if (SubjectKeys.Contains(key))
            {
                subject ??= (index, text);
            }
            else if (ItemNumber().Match(key) is { Success: true } match
                && int.TryParse(match.Groups["number"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var item) && item > 0)
            {
                items.TryAdd(item, (index, text));
            }
            else
            {
                ignored.Add(text);
            }
        }

        return rubric is { } found ? new RubricColumns(found.Index, found.Header, subject?.Index, subject?.Header ?? "Объект", items, ignored) : null;
    }

    [GeneratedRegex(@"^(?:п|пункт|item)?[ ._№-]*(?<number>\d{1,3})$")]
    private static partial Regex ItemNumber();
}
