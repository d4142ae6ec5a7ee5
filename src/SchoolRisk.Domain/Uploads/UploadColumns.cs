using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Uploads.Headers;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// The columns of an upload and the headers each is recognised by. A header names a column when its words
/// (<see cref="HeaderWords"/>: stems, in any order, synonyms applied, notes, units and years left out) are those of one
/// of the column's headers: an indicator's id, Russian title or aliases (<see cref="IndicatorCatalog"/>), or the
/// school-id and informative headers below; failing that, when they are the same without the words that may be left
/// out (<see cref="HeaderSynonyms.Optional"/>). A header whose words fit two columns names neither. An unknown header
/// gets the closest indicator as a suggestion.
/// </summary>
public static class UploadColumns
{
    public const string SchoolId = "school_id";
    public const string SchoolName = "school_name";

    /// <summary>Headers of the school id column: required.</summary>
    public static IReadOnlyList<string> SchoolIdHeaders { get; } =
    [
        SchoolId, "Код школы", "Код ОО", "Код образовательной организации", "Идентификатор школы", "ID школы", "Код",
        "Код учреждения", "Код организации", "Уникальный код школы", "Код школы по реестру",
    ];

    /// <summary>Headers of the school name column: optional, informative (the registry's name is used).</summary>
    public static IReadOnlyList<string> SchoolNameHeaders { get; } =
        [SchoolName, "Наименование ОО", "Наименование образовательной организации", "Наименование школы", "Название школы", "Школа", "Наименование", "Полное наименование"];

    /// <summary>Other headers people keep for themselves, known and not read: row numbers, the municipality, the address.</summary>
    public static IReadOnlyList<string> OtherInformativeHeaders { get; } =
        ["№", "№ п/п", "п/п", "Номер", "Муниципалитет", "Муниципальный район", "Район", "МО", "Адрес", "municipality_id"];

    private static readonly (string[] Key, ColumnMatch Match)[] Keys = [.. BuildKeys()];

    private static readonly Dictionary<string, ColumnMatch> Plain = BuildPlain();

    /// <summary>What <paramref name="header"/> names.</summary>
    public static ColumnMatch Match(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return ColumnMatch.Unknown;
        }

        if (Plain.TryGetValue(HeaderWords.Plain(header), out var exact))
        {
            return exact;
        }

        var readings = HeaderWords.Of(header);
        foreach (var strict in new[] { true, false })
        {
            foreach (var reading in readings)
            {
                var words = strict ? reading : HeaderWords.WithoutOptional(reading);
                var found = Keys
                    .Where(key => (strict ? key.Key : HeaderWords.WithoutOptional(key.Key)).SequenceEqual(words, StringComparer.Ordinal))
                    .Select(key => key.Match)
                    .Distinct()
                    .ToList();
                if (words.Length > 0 && found.Count == 1)
                {
                    return found[0];
                }
            }
        }

        return new ColumnMatch(ColumnKind.Unknown, Suggestion: Closest(readings));
    }

    public static Indicator? IndicatorOf(string? header) => Match(header).Indicator;

    /// <summary>
    /// The indicator whose header words come closest to <paramref name="readings"/>: the most words in common
    /// (a word counts when the stems are equal, share a start of at least four letters and three quarters of the shorter,
    /// or differ by one letter in five or more), over all words of both; at least a half.
    /// </summary>
    private static Indicator? Closest(IReadOnlyList<string[]> readings)
    {
        var best = (Indicator: (Indicator?)null, Score: 0.0);
        foreach (var reading in readings)
        {
            foreach (var (key, match) in Keys.Where(key => key.Match.Indicator is not null))
            {
                var common = reading.Count(word => key.Any(other => Similar(word, other)));
                var score = 2.0 * common / (reading.Length + key.Length);
                if (score > best.Score)
                {
                    best = (match.Indicator, score);
                }
            }
        }

        return best.Score >= 0.5 ? best.Indicator : null;
    }

    private static bool Similar(string a, string b)
    {
        var shorter = Math.Min(a.Length, b.Length);
        var common = 0;
        while (common < shorter && a[common] == b[common])
        {
            common++;
        }

        return a == b || (common >= 4 && common * 4 >= shorter * 3) || (shorter >= 5 && OneEditApart(a, b));
    }

    private static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var (i, j, edits) = (0, 0, 0);
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                (i, j) = (i + 1, j + 1);
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            (i, j) = a.Length > b.Length ? (i + 1, j) : a.Length < b.Length ? (i, j + 1) : (i + 1, j + 1);
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }

    private static IEnumerable<(string[] Key, ColumnMatch Match)> BuildKeys()
    {
        var schoolId = new ColumnMatch(ColumnKind.SchoolId);
        var informative = new ColumnMatch(ColumnKind.Informative);
        var all = SchoolIdHeaders.Select(header => (header, schoolId))
            .Concat(SchoolNameHeaders.Concat(OtherInformativeHeaders).Select(header => (header, informative)))
            .Concat(IndicatorCatalog.All.SelectMany(indicator => indicator.Headers.Select(header => (header, new ColumnMatch(ColumnKind.Indicator, indicator)))));
        foreach (var (header, match) in all)
        {
            foreach (var reading in HeaderWords.Of(header))
            {
                yield return (reading, match);
            }
        }
    }

    private static Dictionary<string, ColumnMatch> BuildPlain()
    {
        var plain = new Dictionary<string, ColumnMatch>(StringComparer.Ordinal) { [HeaderWords.Plain(SchoolId)] = new(ColumnKind.SchoolId) };
        foreach (var indicator in IndicatorCatalog.All)
        {
            plain[HeaderWords.Plain(indicator.Id)] = new ColumnMatch(ColumnKind.Indicator, indicator);
        }

        return plain;
    }
}
