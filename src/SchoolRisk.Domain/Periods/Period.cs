using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace SchoolRisk.Domain.Periods;

/// <summary>A school year, written <c>2023-2024</c>: the second year follows the first.</summary>
[JsonConverter(typeof(PeriodJsonConverter))]
public readonly record struct Period
{
    private Period(int startYear) => StartYear = startYear;

    public int StartYear { get; }

    public int EndYear => StartYear + 1;

    /// <summary>The school year before this one.</summary>
    public Period Previous => new(StartYear - 1);

    /// <summary>The school year after this one.</summary>
    public Period Next => Plus(1);

    /// <summary>The school year <paramref name="periods"/> after this one (before it, when negative).</summary>
    public Period Plus(int periods) => new(StartYear + periods);

    public static bool TryParse([NotNullWhen(true)] string? text, out Period period)
    {
        period = default;
        if (text is not { Length: 9 } || text[4] != '-'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(text.AsSpan(5, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || end != start + 1 || start is < 2000 or > 2100)
        {
            return false;
        }

        period = new Period(start);
        return true;
    }

    /// <summary>The school year <paramref name="time"/> falls in: a school year begins on 1 September (UTC).</summary>
    public static Period Of(DateTimeOffset time) => new(time.UtcDateTime.Month >= 9 ? time.UtcDateTime.Year : time.UtcDateTime.Year - 1);

    /// <summary>
    /// Why <paramref name="text"/> is not a period, in Russian, for every door that takes one: ««2023» — не учебный год вида
    /// 2023-2024.», or for a year of the right form outside 2000–2100 ««1990-1991» — учебный год вне допустимых: с 2000-2001
    /// по 2100-2101.»; <c>null</c> for a period.
    /// </summary>
    public static string? ProblemOf(string? text)
    {
        if (TryParse(text, out _))
        {
            return null;
        }

        var rightForm = text is { Length: 9 } && text[4] == '-' && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(text.AsSpan(5, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var end) && end == start + 1;
        return rightForm ? $"«{text}» — учебный год вне допустимых: с 2000-2001 по 2100-2101." : $"«{text}» — не учебный год вида 2023-2024.";
    }

    public static Period Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period like 2023-2024.");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartYear}-{EndYear}");
}
