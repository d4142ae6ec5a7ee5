using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace SchoolRisk.Domain.Schools;

/// <summary>
/// A school's id, like <c>gatchinsky-001</c>, as the committee's registry of schools gives it: 1 to <see cref="MaxLength"/>
/// characters, Latin letters, digits, «-», «_» and «.», beginning with a letter or a digit (<see cref="ProblemOf"/>, the
/// rule the registry has always applied to its <c>school_id</c> column; an upload's school is the registry's school its
/// code names, ignoring case, so every id that travels on has this shape). Written as its plain text in JSON, table keys
/// and notices (<see cref="SchoolIdJsonConverter"/>). Equal and ordered ordinally, as the text. <c>default</c> is no
/// school; its text is empty.
/// </summary>
[JsonConverter(typeof(SchoolIdJsonConverter))]
public readonly record struct SchoolId : IComparable<SchoolId>
{
    /// <summary>The longest school id: far below the 1 KiB Table storage allows a key, and long enough for any code in use.</summary>
    public const int MaxLength = 64;

    private static readonly SearchValues<char> Characters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.");

    private readonly string? _text;

    private SchoolId(string text) => _text = text;

    /// <summary>
    /// Why <paramref name="text"/> cannot be a school's id, in Russian, or <c>null</c> when it can. A school id is a Table
    /// storage key (the row key of the school's results) and a part of URLs (<c>/api/schools/{school}/history</c>), so
    /// it is 1 to <see cref="MaxLength"/> characters: Latin letters, digits, «-», «_» and «.», beginning with a letter
    /// or a digit. Table storage forbids «/», «\», «#», «?» and the control characters U+0000–U+001F and U+007F–U+009F
    /// in keys (Table service data model, "Characters disallowed in key fields"); «%», quotes, spaces and letters of other
    /// alphabets are refused too, as unsafe in URLs and query filters.
    /// </summary>
    public static string? ProblemOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string Rule = "код может состоять только из латинских букв, цифр и знаков «-», «_», «.», начинаться с буквы или цифры и быть не длиннее 64 знаков";
        if (text.Length == 0)
        {
            return "не указан код школы.";
        }

        if (text.Length > MaxLength)
        {
            return $"код школы длиннее {MaxLength} знаков ({text.Length}): {Rule}.";
        }

        var at = text.AsSpan().IndexOfAnyExcept(Characters);
        if (at >= 0)
        {
            return $"код школы «{text}» содержит недопустимый знак {Describe(text[at])}: {Rule}.";
        }

        return char.IsAsciiLetterOrDigit(text[0]) ? null : $"код школы «{text}» начинается со знака «{text[0]}»: {Rule}.";
    }

    /// <summary>The id <paramref name="text"/> names, or <c>false</c> when it cannot be a school's id (<see cref="ProblemOf"/>).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out SchoolId id)
    {
        if (text is null || ProblemOf(text) is not null)
        {
            id = default;
            return false;
        }

        id = new SchoolId(text);
        return true;
    }

    /// <summary>The id <paramref name="text"/> names.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> cannot be a school's id (<see cref="ProblemOf"/>).</exception>
    public static SchoolId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a school id (1 to 64 Latin letters, digits, «-», «_», «.», beginning with a letter or digit).");

    /// <summary>Ordinal order of the texts.</summary>
    public int CompareTo(SchoolId other) => string.CompareOrdinal(_text, other._text);

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/> (ordinal order of the texts).</summary>
    public static bool operator <(SchoolId left, SchoolId right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/> or equals it (ordinal order of the texts).</summary>
    public static bool operator <=(SchoolId left, SchoolId right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/> (ordinal order of the texts).</summary>
    public static bool operator >(SchoolId left, SchoolId right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/> or equals it (ordinal order of the texts).</summary>
    public static bool operator >=(SchoolId left, SchoolId right) => left.CompareTo(right) >= 0;

    /// <summary>The id as written, like <c>gatchinsky-001</c>; empty for <c>default</c>.</summary>
    public override string ToString() => _text ?? string.Empty;

    private static string Describe(char c) => c switch
    {
        ' ' => "«пробел»",
        _ when char.IsControl(c) || char.IsWhiteSpace(c) => $"U+{(int)c:X4}",
        _ => $"«{c}»",
    };
}
