using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace SchoolRisk.Domain.Evaluation.Shape;

/// <summary>
/// Reads a JSON number into a <see cref="decimal"/> only when the decimal holds it exactly. <see cref="JsonElement.TryGetDecimal"/>
/// rounds a number with more significant digits than a decimal holds (28–29) without a word, so a threshold written
/// <c>0.12345678901234567890123456789</c> would silently become another number.
/// </summary>
internal static class ExactDecimal
{
    /// <summary>The number as a decimal; <c>false</c> when it is not a number, out of the decimal's range, or would be rounded.</summary>
    public static bool TryRead(JsonElement element, out decimal value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out value) && Normal(element.GetRawText()) == Normal(value);
    }

    /// <summary>The problem with a number that <see cref="TryRead"/> refused, in Russian: why it is not the number written.</summary>
    public static string Problem(JsonElement element) => element.ValueKind != JsonValueKind.Number
        ? "должно быть число"
        : element.TryGetDecimal(out _)
            ? $"в числе {element.GetRawText()} больше значащих цифр, чем сохраняется (не больше 28); запишите его короче"
            : $"число {element.GetRawText()} слишком велико";

    /// <summary>A JSON number's text as (digits without leading or trailing zeros, power of ten), so equal numbers compare equal.</summary>
    private static (BigInteger Digits, int Exponent) Normal(string text)
    {
        var exponent = 0;
        var e = text.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            if (!int.TryParse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                // A power of ten beyond any decimal (1e-9999999999 reads as 0): never equal to a decimal's own digits.
                return (BigInteger.MinusOne, int.MinValue);
            }

            text = text[..e];
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        if (point >= 0)
        {
            exponent -= text.Length - point - 1;
            text = text.Remove(point, 1);
        }

        return Strip(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture), exponent);
    }

    private static (BigInteger Digits, int Exponent) Normal(decimal value) =>
        Normal(value.ToString(CultureInfo.InvariantCulture));

    private static (BigInteger Digits, int Exponent) Strip(BigInteger digits, int exponent)
    {
        if (digits.IsZero)
        {
            return (BigInteger.Zero, 0);
        }

        while (digits % 10 == 0)
        {
            digits /= 10;
            exponent++;
        }

        return (digits, exponent);
    }
}
