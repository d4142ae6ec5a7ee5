using System.Globalization;

namespace SchoolRisk.Domain.Uploads.Values;

/// <summary>
/// The precision values are kept to: 15 significant digits, the precision Excel computes and shows with
/// (Microsoft: «Excel stores and calculates floating-point numbers with 15 significant digits of precision»). A share a
/// formula computes as 9.999999999999998 (binary floating-point noise of 10) is 10; a value anyone types is far shorter
/// and unchanged. Every value read from an upload, whatever the format, passes through here, so noise never decides a zone.
/// </summary>
public static class Precision
{
    public const int SignificantDigits = 15;

    /// <summary>A spreadsheet's binary number to 15 significant digits; <c>null</c> when beyond a decimal's range or not finite.</summary>
    public static decimal? FromDouble(double value) =>
        double.IsFinite(value) && Math.Abs(value) < 7.9e28
            ? decimal.Parse(value.ToString("G15", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;

    /// <summary><paramref name="value"/> rounded to 15 significant digits (half away from zero), trailing zeros dropped.</summary>
    public static decimal Round(decimal value)
    {
        if (value == 0)
        {
            return 0m;
        }

        var magnitude = (int)Math.Floor(Math.Log10((double)Math.Abs(value)));
        var decimals = SignificantDigits - 1 - magnitude;
        var rounded = decimals switch
        {
            < 0 => value,
            > 28 => Math.Round(value, 28, MidpointRounding.AwayFromZero),
            _ => Math.Round(value, decimals, MidpointRounding.AwayFromZero),
        };
        return rounded / 1.000000000000000000000000000000000m;
    }
}
