using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// Rows of a filled-in table that are not schools, recognised so that they are left out with a note rather than
/// reported as errors: a total («Итого по району», «Всего», «Среднее», «Медиана», «Гатчинский муниципальный район»), a
/// signature line with no values («Исполнитель: Иванова И. И.», «Руководитель», «М. П.», «Дата заполнения»), the
/// numbering of the columns (1, 2, 3, …), and a row with text but neither a school id nor any value, a value being a
/// number or text that reads as one (a sub-heading such as «Городские школы»). Apart from the numbering, a row whose id
/// cell holds anything that could be a school id (<see cref="LooksLikeSchoolId"/>; a registered school's id in any case
/// is one) is always read as a school's row, so a mistyped id is reported, never left out.
/// </summary>
public static class NonSchoolRows
{
    private static readonly string[] TotalStarts =
    [
        "итого", "итог", "всего", "в среднем", "среднее", "средний", "средн.", "в целом", "сумма", "максимальн", "минимальн", "медиана",
        "σ", "∑", "сводн", "по району", "по муниципалитету", "по мо ", "по округу", "по региону", "по области", "total", "average", "sum",
    ];

    private static readonly string[] SignatureStarts =
    [
        "исполнитель", "ответственн", "подпись", "руководител", "начальник", "директор", "глава", "председатель", "заведующ",
        "м.п", "м. п", "мп ", "дата", "тел", "e-mail", "email", "эл. почта", "электронная почта", "составил", "подготовил",
        "заполнил", "фио", "ф.и.о", "согласовано", "утверждаю",
    ];

    /// <summary>Why <paramref name="row"/> is not a school, in Russian, or <c>null</c> when it is to be read as a school's row.</summary>
    public static string? Classify(TableRow row, ColumnMap columns)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(columns);
        if (IsColumnNumbering(row))
        {
            return "строка нумерации столбцов (1, 2, 3, …) — не школа; пропущена.";
        }

        var id = row.Cell(columns.SchoolId)?.Trim();
        if (!string.IsNullOrEmpty(id) && LooksLikeSchoolId(id))
        {
            return null;
        }

        var texts = row.Cells.Where(cell => cell.Format == CellFormat.Text && !string.IsNullOrWhiteSpace(cell.Text)).Select(cell => cell.Text!.Trim()).ToList();
        var first = texts.FirstOrDefault();
        var leading = new[] { id }.Concat(texts.Take(3)).Where(text => !string.IsNullOrEmpty(text)).Select(text => text!).Distinct().ToList();
        var hasValues = columns.Indicators.Any(column => IsValue(row.CellAt(column.Index)));
        if (leading.Take(2).FirstOrDefault(text => StartsWithAny(text, TotalStarts) || NamesTheTerritory(text)) is { } total)
        {
            return $"итоговая строка «{UploadText.Quote(total)}» — не школа; пропущена.";
        }

        if (!hasValues && leading.FirstOrDefault(text => StartsWithAny(text, SignatureStarts)) is { } signature)
        {
            return $"строка «{UploadText.Quote(signature)}» — подпись или реквизиты, не школа; пропущена.";
        }

        return !hasValues && first is not null
            ? $"строка «{UploadText.Quote(first)}» без кода школы из реестра и без значений (подзаголовок или пояснение) — не школа; пропущена."
            : null;
    }

    /// <summary>
    /// Whether <paramref name="text"/> could be a school's id, registered or not: the registry's own rule
    /// (<see cref="SchoolId.ProblemOf"/>: Latin letters, digits, «-», «_», «.», no spaces). Its row is a school's,
    /// to be checked as one.
    /// </summary>
    public static bool LooksLikeSchoolId(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SchoolId.TryParse(text, out _);
    }

    /// <summary>A number, or text that reads as one: what a school's row has in its indicator columns and a signature has not.</summary>
    private static bool IsValue(TableCell cell) =>
        cell.Number is not null || (cell.Text?.Trim().TrimEnd('%', '‰').Trim() is { Length: > 0 } text && Values.NumberText.TryParse(text, out _));

    /// <summary>Cells 1, 2, 3, … in order and nothing else: the numbering of the columns under a header.</summary>
    private static bool IsColumnNumbering(TableRow row)
    {
        var cells = row.Cells.Where(cell => !cell.IsBlank).ToList();
        return cells.Count >= 3 && cells.Select((cell, index) => (cell.Number ?? (decimal.TryParse(cell.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1)) == index + 1).All(ordered => ordered);
    }

    /// <summary>A municipality or district named as the row's subject («Гатчинский муниципальный район»): a total.</summary>
    private static bool NamesTheTerritory(string text)
    {
        var normalized = text.ToLowerInvariant();
        return normalized.Contains(" район", StringComparison.Ordinal) || normalized.Contains("муниципальн", StringComparison.Ordinal)
            || normalized.Contains("городской округ", StringComparison.Ordinal);
    }

    private static bool StartsWithAny(string text, string[] starts)
    {
        var normalized = text.ToLowerInvariant().Replace('ё', 'е') + " ";
        return starts.Any(start => normalized.StartsWith(start, StringComparison.Ordinal));
    }
}
