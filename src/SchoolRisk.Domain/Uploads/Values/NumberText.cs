using System.Globalization;

namespace SchoolRisk.Domain.Uploads.Values;

/// <summary>
/// A number as people type it: digits, an optional sign, one decimal mark (<c>,</c> or <c>.</c>) and thousands
/// separators: spaces (plain, no-break U+00A0, narrow no-break U+202F, thin U+2009, figure U+2007) or the mark that is
/// not the decimal one, each followed by exactly three digits. A value with a single <c>,</c> or <c>.</c> followed by
/// exactly three digits and a whole part of one to three digits other than 0 («1,234», «12.500») could be a decimal or
/// a whole number with a thousands separator: it is <see cref="IsAmbiguous"/>, and the file's other values settle it
/// (<see cref="DecimalMarkEvidence"/>). Every other form shows its decimal mark (<see cref="Shows"/>).
/// </summary>
public readonly record struct NumberText
{
    private static readonly char[] Spaces = [' ', '\u00A0', '\u202F', '\u2009', '\u2007'];

    private NumberText(decimal value, decimal? wholeReading, char? separator, DecimalMark shows)
    {
        Value = value;
        WholeReading = wholeReading;
        Separator = separator;
        Shows = shows;
    }

    /// <summary>The value: for an ambiguous text, its reading with <see cref="Separator"/> as the decimal mark.</summary>
    public decimal Value { get; }

    /// <summary>For an ambiguous text, its reading with <see cref="Separator"/> as a thousands separator («1,234» → 1234).</summary>
    public decimal? WholeReading { get; }

    /// <summary>For an ambiguous text, its single separator.</summary>
    public char? Separator { get; }

    /// <summary>The decimal mark this text shows by itself, if any («12,5» shows a comma; «1,234,567» a point).</summary>
    public DecimalMark Shows { get; }

    public bool IsAmbiguous => WholeReading is not null;

    /// <summary>The value when the file's decimal mark is <paramref name="mark"/>; <c>null</c> when it stays ambiguous.</summary>
    public decimal? ValueWith(DecimalMark mark) =>
        !IsAmbiguous ? Value
        : mark == DecimalMark.Unknown ? null
        : (mark == DecimalMark.Comma) == (Separator == ',') ? Value : WholeReading;

    /// <summary>Reads <paramref name="text"/> (without a unit sign); <c>false</c> when it is not a number in any of the forms above.</summary>
    public static bool TryParse(string text, out NumberText number)
    {
        ArgumentNullException.ThrowIfNull(text);
        number = default;
        var body = text.Trim().Replace('\u2212', '-');
        var negative = body.StartsWith('-');
        if (negative || body.StartsWith('+'))
        {
            body = body[1..].TrimStart();
        }

        if (!TryJoinSpaceGroups(body, out body) || body.Length == 0 || !char.IsAsciiDigit(body[^1]) ||
            !body.All(c => char.IsAsciiDigit(c) || c is ',' or '.') || (!char.IsAsciiDigit(body[0]) && body[0] is not (',' or '.')))
        {
            return false;
        }

        var commas = body.Count(c => c == ',');
        var points = body.Count(c => c == '.');
        string whole;
        string fraction;
        DecimalMark shows;
        if (commas > 0 && points > 0)
        {
            var mark = body.LastIndexOfAny([',', '.']);
            var (decimalMark, grouping) = body[mark] == ',' ? (',', '.') : ('.', ',');
            if (body.Count(c => c == decimalMark) > 1 || !TryJoinGroups(body[..mark], grouping, out whole))
            {
                return false;
            }

            fraction = body[(mark + 1)..];
            shows = decimalMark == ',' ? DecimalMark.Comma : DecimalMark.Point;
        }
        else if (commas + points > 1)
        {
            var grouping = commas > 0 ? ',' : '.';
            if (!TryJoinGroups(body, grouping, out whole))
            {
                return false;
            }

            fraction = string.Empty;
            shows = grouping == ',' ? DecimalMark.Point : DecimalMark.Comma;
        }
        else if (commas + points == 1)
        {
            var mark = body.IndexOfAny([',', '.']);
            whole = body[..mark];
            fraction = body[(mark + 1)..];
            var markShown = body[mark] == ',' ? DecimalMark.Comma : DecimalMark.Point;
            if (fraction.Length == 3 && whole.Length is >= 1 and <= 3 && whole[0] != '0')
            {
                number = new NumberText(
                    Signed(Parse(whole, fraction), negative), Signed(Parse(whole + fraction, string.Empty), negative), body[mark], DecimalMark.Unknown);
                return true;
            }

            shows = markShown;
        }
        else
        {
            (whole, fraction, shows) = (body, string.Empty, DecimalMark.Unknown);
        }

        if (whole.Length + fraction.Length > 28)
        {
            return false;
        }

        number = new NumberText(Signed(Parse(whole, fraction), negative), null, null, shows);
        return true;
    }

    private static decimal Signed(decimal value, bool negative) => negative ? -value : value;

    private static decimal Parse(string whole, string fraction) =>
        decimal.Parse(
            (whole.Length == 0 ? "0" : whole) + (fraction.Length == 0 ? string.Empty : "." + fraction),
            NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture);

    /// <summary>Removes space thousands separators: each must stand between a digit and exactly three digits.</summary>
    private static bool TryJoinSpaceGroups(string text, out string joined)
    {
        joined = text;
        if (text.IndexOfAny(Spaces) < 0)
        {
            return true;
        }

        var parts = text.Split(Spaces);
        if (parts.Any(part => part.Length == 0) || !char.IsAsciiDigit(parts[0][^1]) ||
            parts.Skip(1).Any(part => part.Length < 3 || !part[..3].All(char.IsAsciiDigit) || (part.Length > 3 && char.IsAsciiDigit(part[3]))))
        {
            return false;
        }

        joined = string.Concat(parts);
        return true;
    }

    /// <summary>Removes <paramref name="grouping"/> thousands separators: a first group of one to three digits, then groups of exactly three.</summary>
    private static bool TryJoinGroups(string text, char grouping, out string joined)
    {
        var groups = text.Split(grouping);
        joined = string.Concat(groups);
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(group => group.Length == 3) && groups.All(group => group.All(char.IsAsciiDigit));
    }
}
