namespace SchoolRisk.Storage;

/// <summary>
/// Text that people wrote, or that quotes what they wrote (a rejection reason quoting a cell, a delivery's failure, a
/// course title, a school's name, an address), as a Table storage property can hold it. A string property holds at most
/// 64 KiB, that is <see cref="MaxChars"/> UTF-16 characters, and a longer one fails the whole write (Table service data
/// model: "String values may be up to 64 KiB in size"). Longer text is cut to <see cref="MaxChars"/> characters, the last
/// of them a visible «…»; the whole text stays where it came from: the upload's report blob, the notice's blob, the log.
/// No entity here holds more than four such texts, so none comes near the service's 1 MiB per entity.
/// </summary>
public static class TableText
{
    /// <summary>The most UTF-16 characters one string property holds: 64 KiB.</summary>
    public const int MaxChars = 32 * 1024;

    /// <summary>
    /// <paramref name="text"/> itself when it fits in one property (or is <c>null</c>); otherwise its first
    /// <see cref="MaxChars"/> − 1 characters (one fewer when that would split a surrogate pair) and «…».
    /// </summary>
    public static string? Cut(string? text)
    {
        if (text is null || text.Length <= MaxChars)
        {
            return text;
        }

        var keep = MaxChars - 1;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
