using System.Globalization;

namespace SchoolRisk.Domain.Uploads;

/// <summary>Text from a file quoted back in a message: long enough to be recognised, never so long that it swamps the message.</summary>
public static class UploadText
{
    /// <summary>Longest part of a cell quoted in a message, in characters.</summary>
    public const int MaxQuoted = 80;

    /// <summary>
    /// <paramref name="text"/> as is, or its first <see cref="MaxQuoted"/> characters (one fewer when that would split a
    /// surrogate pair, as an emoji is), «…» and its length when longer than <see cref="MaxQuoted"/>.
    /// </summary>
    public static string Quote(string? text)
    {
        if (text is null || text.Length <= MaxQuoted)
        {
            return text ?? string.Empty;
        }

        var keep = char.IsHighSurrogate(text[MaxQuoted - 1]) ? MaxQuoted - 1 : MaxQuoted;
        return $"{text[..keep].TrimEnd()}… ({text.Length.ToString("N0", CultureInfo.GetCultureInfo("ru-RU"))} знаков)";
    }
}
