using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// Rows of a filled-in table that are not schools, recognised so that they are left out with a note rather than
/// reported as errors: a total («Итого по району», «Всего», «Среднее»), a signature line with no values («Исполнитель:
/// Иванова И. И.», «Руководитель», «М. П.», «Дата заполнения»), and a row with text but neither a registered school's
/// id nor any value, a value being a number or text with a digit (a sub-heading such as «Городские школы»). Only the id
/// cell and the row's first text are looked at, and a row whose id is a registered school is always a school.
/// </summary>
public static class NonSchoolRows
{
    private static readonly string[] TotalStarts =
    [
        "итого", "итог", "всего", "в среднем", "среднее", "сумма", "по району", "по муниципалитету", "по мо ", "по округу",
        "по региону", "по области", "total", "average", "sum",
    ];

    private static readonly string[] SignatureStarts =
    [
        "исполнитель", "ответственн", "подпись", "руководител", "начальник", "директор", "глава", "председатель", "заведующ",
        "м.п", "м. п", "мп ", "дата", "тел", "e-mail", "email", "эл. почта", "электронная почта", "составил", "подготовил",
        "заполнил", "фио", "ф.и.о", "согласовано", "утверждаю",
    ];

    /// <summary>Why <paramref name="row"/> is not a school, in Russian, or <c>null</c> when it is to be read as a school's row.</summary>
    public static string? Classify(TableRow row, ColumnMap columns, SchoolRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(registry);
        var id = row.Cell(columns.SchoolId)?.Trim();
        if (!string.IsNullOrEmpty(id) && registry.Find(id) is not null)
        {
            return null;
        }

        var first = row.Cells.Select(cell => cell.Format == CellFormat.Text ? cell.Text?.Trim() : null).FirstOrDefault(text => !string.IsNullOrEmpty(text));
        var texts = new[] { id, first }.Where(text => !string.IsNullOrEmpty(text)).Select(text => text!).Distinct().ToList();
        var hasValues = columns.Indicators.Any(column => row.CellAt(column.Index) is var cell && (cell.Number is not null || cell.Text?.Any(char.IsDigit) == true));
        if (texts.FirstOrDefault(text => StartsWithAny(text, TotalStarts)) is { } total)
        {
            return $"итоговая строка «{UploadText.Quote(total)}» — не школа; пропущена.";
        }

        if (!hasValues && texts.FirstOrDefault(text => StartsWithAny(text, SignatureStarts)) is { } signature)
        {
            return $"строка «{UploadText.Quote(signature)}» — подпись или реквизиты, не школа; пропущена.";
        }

        return !hasValues && first is not null
            ? $"строка «{UploadText.Quote(first)}» без кода школы из реестра и без значений (подзаголовок или пояснение) — не школа; пропущена."
            : null;
    }

    private static bool StartsWithAny(string text, string[] starts)
    {
        var normalized = text.ToLowerInvariant().Replace('ё', 'е') + " ";
        return starts.Any(start => normalized.StartsWith(start, StringComparison.Ordinal));
    }
}
