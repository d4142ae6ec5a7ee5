using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace SchoolRisk.Domain.Municipalities;

/// <summary>
/// A municipality's id, like <c>gatchinsky</c>: 1 to 63 Latin lower-case letters, digits and hyphens, safe as a folder of
/// the uploads container, a Table storage key and part of a URL. The rule is the one uploads (the folder
/// <c>{period}/{municipality}/</c>), the registry's <c>municipality_id</c> column and the recipients directory have
/// always applied (it was <c>UploadPath.IsMunicipalityId</c>); the recipients directory's <c>committee</c> has the same shape.
/// Written as its plain text in JSON, table columns and blob names (<see cref="MunicipalityIdJsonConverter"/>).
/// Ordered ordinally, as the text. <c>default</c> is no municipality; its text is empty.
/// </summary>
[JsonConverter(typeof(MunicipalityIdJsonConverter))]
public readonly record struct MunicipalityId : IComparable<MunicipalityId>
{
    /// <summary>The longest id: a folder name and a key far below the limits of Blob and Table storage.</summary>
    public const int MaxLength = 63;

    private readonly string? _text;

    private MunicipalityId(string text) => _text = text;

    /// <summary>The id <paramref name="text"/> names, or <c>false</c> when it does not have the shape of one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out MunicipalityId id)
    {
        if (text is not { Length: > 0 and <= MaxLength } || !text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
        {
            id = default;
            return false;
        }

        id = new MunicipalityId(text);
        return true;
    }

    /// <summary>The id <paramref name="text"/> names.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not 1 to 63 Latin lower-case letters, digits and hyphens.</exception>
    public static MunicipalityId Parse(string text) =>
        TryParse(text, out var id) ? id : throw new FormatException($"'{text}' is not a municipality id (1 to 63 Latin lower-case letters, digits and hyphens).");

    /// <summary>Ordinal order of the texts.</summary>
    public int CompareTo(MunicipalityId other) => string.CompareOrdinal(_text, other._text);

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/> (ordinal order of the texts).</summary>
    public static bool operator <(MunicipalityId left, MunicipalityId right) => left.CompareTo(right) < 0;

    /// <summary>Whether <paramref name="left"/> sorts before <paramref name="right"/> or equals it (ordinal order of the texts).</summary>
    public static bool operator <=(MunicipalityId left, MunicipalityId right) => left.CompareTo(right) <= 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/> (ordinal order of the texts).</summary>
    public static bool operator >(MunicipalityId left, MunicipalityId right) => left.CompareTo(right) > 0;

    /// <summary>Whether <paramref name="left"/> sorts after <paramref name="right"/> or equals it (ordinal order of the texts).</summary>
    public static bool operator >=(MunicipalityId left, MunicipalityId right) => left.CompareTo(right) >= 0;

    /// <summary>The id as written, like <c>gatchinsky</c>; empty for <c>default</c>.</summary>
    public override string ToString() => _text ?? string.Empty;
}
