namespace SchoolRisk.Domain.Recommendations;

/// <summary>The keys rule files use for <see cref="Addressee"/>, and the Russian users read.</summary>
public static class Addressees
{
    private static readonly (Addressee Addressee, string Key, string Title)[] All =
    [
        (Addressee.School, "school", "школе"),
        (Addressee.Municipality, "municipality", "муниципалитету"),
        (Addressee.Committee, "committee", "комитету"),
    ];

    public static IReadOnlyList<string> Keys { get; } = [.. All.Select(entry => entry.Key)];

    public static string ToKey(this Addressee addressee) => All.First(entry => entry.Addressee == addressee).Key;

    /// <summary>To whom, in Russian, in the dative: «школе», «муниципалитету», «комитету».</summary>
    public static string Title(this Addressee addressee) => All.First(entry => entry.Addressee == addressee).Title;

    public static bool TryParse(string? key, out Addressee addressee)
    {
        foreach (var entry in All)
        {
            if (entry.Key == key)
            {
                addressee = entry.Addressee;
                return true;
            }
        }

        addressee = Addressee.School;
        return false;
    }
}
