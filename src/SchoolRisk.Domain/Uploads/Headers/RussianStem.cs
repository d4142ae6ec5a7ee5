namespace SchoolRisk.Domain.Uploads.Headers;

/// <summary>
/// A light stemmer for Russian words in column headers: it drops a reflexive «ся»/«сь» and then the longest inflection
/// ending (case, number, gender) that leaves at least three letters, so «минимального», «минимальный» and
/// «минимальная» are all «минимальн». It is deliberately small: header words are a few hundred common ones, and what it
/// leaves apart (fleeting vowels such as «уровень»/«уровня») the synonym table joins (<see cref="HeaderSynonyms"/>).
/// Words without Cyrillic letters (ids, English, numbers) are kept as they are.
/// </summary>
public static class RussianStem
{
    private static readonly string[] Endings =
    [
        "иями", "ями", "ами", "ией", "ого", "его", "ому", "ему", "ыми", "ими",
        "ых", "их", "ый", "ий", "ой", "ей", "ая", "яя", "ое", "ее", "ые", "ие", "ую", "юю", "ым", "им", "ом", "ем",
        "ов", "ев", "ам", "ям", "ах", "ях", "ию", "ия", "ии", "ью",
        "ь", "а", "я", "о", "е", "ы", "и", "у", "ю", "й",
    ];

    /// <summary>The stem of a lower-case word.</summary>
    public static string Of(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length <= 3 || !word.Any(c => c is >= 'а' and <= 'я'))
        {
            return word;
        }

        if (word.Length > 5 && (word.EndsWith("ся", StringComparison.Ordinal) || word.EndsWith("сь", StringComparison.Ordinal)))
        {
            word = word[..^2];
        }

        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }
}
