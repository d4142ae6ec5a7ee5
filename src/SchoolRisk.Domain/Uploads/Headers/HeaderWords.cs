using System.Text;
using System.Text.RegularExpressions;

namespace SchoolRisk.Domain.Uploads.Headers;

/// <summary>
/// A column header reduced to what names the column: the set of its words' stems, in no order. Lower case, «ё» as «е»;
/// notes in brackets («(по данным РЦОКО)», «[%]»), quotes, the unit («%», «‰», «, шт.»), years and periods («2023»,
/// «2023-2024») and punctuation dropped; <see cref="HeaderSynonyms"/> applied. «Доля результатов ЕГЭ ниже мин. балла, %»,
/// «ЕГЭ: результаты ниже минимального балла (доля)» and «результаты ЕГЭ ниже минимального балла» are one set.
/// </summary>
public static partial class HeaderWords
{
    private static readonly (string[] Written, string[] Means)[] Synonyms = [.. HeaderSynonyms.Table
        .Select(pair => (Stems(pair.Written), Stems(pair.Means)))
        .OrderByDescending(pair => pair.Item1.Length)];

    private static readonly HashSet<string> OptionalStems = [.. HeaderSynonyms.Optional.SelectMany(Stems)];

    private static readonly HashSet<string> Dropped = ["в", "с", "на", "по", "и", "из", "от", "для", "за", "о", "об", "к", "при", "шт", "ед", "чел", "человек", "%", "‰"];

    /// <summary>
    /// The readings of a header: the whole text, and, when it has several lines, its first line (the rest is a note).
    /// Each reading is a sorted, distinct list of stems; empty readings are left out.
    /// </summary>
    public static IReadOnlyList<string[]> Of(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return [];
        }

        var lines = header.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var readings = new List<string[]> { Key(string.Join(' ', lines)) };
        if (lines.Length > 1)
        {
            readings.Add(Key(lines[0]));
        }

        return [.. readings.Where(reading => reading.Length > 0).DistinctBy(reading => string.Join(' ', reading))];
    }

    /// <summary>A reading without the words that may be left out (<see cref="HeaderSynonyms.Optional"/>).</summary>
    public static string[] WithoutOptional(string[] reading) => [.. reading.Where(stem => !OptionalStems.Contains(stem))];

    /// <summary>The words of a header as one string: lower case, «ё» as «е», underscores as spaces: how ids are compared.</summary>
    public static string Plain(string? header) =>
        Spaces().Replace((header ?? string.Empty).Trim().ToLowerInvariant().Replace('ё', 'е').Replace('_', ' '), " ");

    private static string[] Key(string text)
    {
        text = text.ToLowerInvariant().Replace('ё', 'е');
        text = Notes().Replace(text, " ");
        text = Periods().Replace(text, " ");
        var words = Stems(text).ToList();
        var meant = new List<string>(words.Count);
        for (var i = 0; i < words.Count;)
        {
            var synonym = Synonyms.FirstOrDefault(pair => Starts(words, i, pair.Written));
            if (synonym.Written is null)
            {
                meant.Add(words[i++]);
                continue;
            }

            meant.AddRange(synonym.Means);
            i += synonym.Written.Length;
        }

        return [.. meant.Where(word => !Dropped.Contains(word)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static bool Starts(List<string> words, int at, string[] phrase) =>
        at + phrase.Length <= words.Count && phrase.Select((word, offset) => words[at + offset] == word).All(same => same);

    /// <summary>The stems of a text's words: split at white space, punctuation, quotes and hyphens (a «%», «‰» or «№» is a word).</summary>
    private static string[] Stems(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.ToLowerInvariant().Replace('ё', 'е'))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            Flush();
            if (c is '%' or '‰' or '№')
            {
                words.Add(c.ToString());
            }
        }

        Flush();
        return [.. words];

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(RussianStem.Of(word.ToString()));
                word.Clear();
            }
        }
    }

    /// <summary>Notes in round or square brackets, an unclosed one to the end.</summary>
    [GeneratedRegex(@"\([^)]*(\)|$)|\[[^\]]*(\]|$)")]
    private static partial Regex Notes();

    /// <summary>Years (2023) and periods (2023-2024, 2023/24, 2023–2024 уч. год, 2023 г., за 2023 год).</summary>
    [GeneratedRegex(@"\b(19|20)\d\d(\s*[-–/]\s*(19|20)?\d\d)?(\s*(уч\.?\s*)?(учебн\w*\s+год\w*|учебн\w*|год\w*|гг\.?|г\.?)(?!\w))?")]
    private static partial Regex Periods();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
