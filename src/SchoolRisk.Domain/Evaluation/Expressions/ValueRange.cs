using System.Globalization;

namespace SchoolRisk.Domain.Evaluation.Expressions;

/// <summary>
/// The values a numeric sub-expression may take, as far as <see cref="TotalityAnalysis"/> can tell: every value it has
/// lies in [<see cref="Min"/>, <see cref="Max"/>]; a <c>null</c> bound means unbounded on that side (a double may be,
/// and so is a bound whose computation overflowed a decimal). <see cref="MayBeNull"/> when a nullable may be empty,
/// <see cref="NonZero"/> when zero is excluded though it lies between the bounds (after a guard <c>x != 0</c>),
/// <see cref="MayBeNaN"/> when a double may be NaN, <see cref="Integral"/> when every value is a whole number (an
/// <c>int</c>, a flag, an input zone), so a guard <c>x != 0</c> on 0–2 leaves 1–2.
/// </summary>
/// <remarks>
/// Bounds are decimals, computed with the very decimal operations a rule runs. Those round monotonically, so the result
/// of an operation on the extreme operands is the extreme result the rule can produce, and a bound's computation
/// overflows exactly when the rule's can. Integer results are computed the same way (exactly: an int or long fits a
/// decimal) and then checked against their type. Doubles are only bounded where they are exact but for one rounding
/// (a literal, a conversion from a decimal or an integer), widened by a part in a billion for it; the result of double
/// arithmetic is taken as unbounded (<see cref="Unbounded"/>): rules compute in decimals.
/// </remarks>
internal readonly record struct ValueRange(decimal? Min, decimal? Max, bool MayBeNull = false, bool NonZero = false, bool MayBeNaN = false, bool Integral = false)
{
    /// <summary>What a double's magnitude must stay below to convert to a decimal: <see cref="decimal.MaxValue"/> (about 7.92e28) less a margin for the double's rounding.</summary>
    public const decimal DoubleToDecimalLimit = 79_000_000_000_000_000_000_000_000_000m;

    private const decimal DoubleRounding = 0.000000001m;

    /// <summary>Any value at all: a bound nothing is known of.</summary>
    public static ValueRange Unbounded { get; } = new(null, null, MayBeNaN: true);

    /// <summary>Every decimal: a value the analysis knows nothing about but its type.</summary>
    public static ValueRange AnyDecimal { get; } = new(decimal.MinValue, decimal.MaxValue);

    /// <summary>Exactly <paramref name="value"/>.</summary>
    public static ValueRange Exact(decimal value) => new(value, value, NonZero: value != 0, Integral: value == decimal.Truncate(value));

    /// <summary>From <paramref name="min"/> to <paramref name="max"/>, both included; only whole numbers when <paramref name="integral"/>.</summary>
    public static ValueRange Between(decimal min, decimal max, bool mayBeNull = false, bool integral = false) => new(min, max, mayBeNull, Integral: integral);

    /// <summary>A double constant: its decimal neighbourhood, or unbounded beyond <see cref="DoubleToDecimalLimit"/>.</summary>
    public static ValueRange OfDouble(double value) =>
        double.IsNaN(value) ? Unbounded
        : value >= (double)DoubleToDecimalLimit ? new ValueRange(DoubleToDecimalLimit, null, NonZero: true)
        : value <= -(double)DoubleToDecimalLimit ? new ValueRange(null, -DoubleToDecimalLimit, NonZero: true)
        : new ValueRange((decimal)value, (decimal)value, NonZero: value != 0).WidenedForDouble();

    /// <summary>Whether zero is among the values (a null is not zero).</summary>
    public bool ContainsZero => !NonZero && (Min is null || Min <= 0) && (Max is null || Max >= 0);

    /// <summary>Both bounds known.</summary>
    public bool IsBounded => Min is not null && Max is not null;

    /// <summary>Whether every value, once truncated towards zero, lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public bool TruncatesWithin(decimal min, decimal max) =>
        Min is { } low && Max is { } high && !MayBeNaN && decimal.Truncate(low) >= min && decimal.Truncate(high) <= max;

    public ValueRange WithoutNull() => this with { MayBeNull = false };

    /// <summary>The values of either.</summary>
    public static ValueRange Union(ValueRange a, ValueRange b) => new(
        a.Min is { } x && b.Min is { } y ? Math.Min(x, y) : null,
        a.Max is { } p && b.Max is { } q ? Math.Max(p, q) : null,
        a.MayBeNull || b.MayBeNull,
        a.NonZero && b.NonZero,
        a.MayBeNaN || b.MayBeNaN,
        a.Integral && b.Integral);

    /// <summary>
    /// Narrowed by what a guard established. Where the narrowing leaves nothing (the guard contradicts the range: the
    /// branch never runs) the range stays as it was: conservative. For whole numbers (<see cref="Integral"/>, or
    /// <paramref name="integral"/> for an integer type) bounds are rounded inwards and a nonzero range loses its zero
    /// edge (<c>x != 0</c> on 0..21 is 1..21).
    /// </summary>
    public ValueRange Refined(Refinement refinement, bool integral)
    {
        integral |= Integral;
        var min = Larger(Min, refinement.Min);
        var max = Smaller(Max, refinement.Max);
        var nonZero = NonZero || refinement.NonZero;
        if (integral)
        {
            min = min is { } low ? decimal.Ceiling(low) : null;
            max = max is { } high ? decimal.Floor(high) : null;
            (min, max) = nonZero ? (min == 0 ? 1 : min, max == 0 ? -1 : max) : (min, max);
        }

        return min is { } a && max is { } b && a > b
            ? this
            : new ValueRange(min, max, MayBeNull && !refinement.NotNull, nonZero, MayBeNaN, integral);
    }

    /// <summary>The sum of any two values.</summary>
    public static ValueRange Add(ValueRange a, ValueRange b) => Arithmetic(a, b, Sum(a.Min, b.Min), Sum(a.Max, b.Max));

    /// <summary>The difference of any two values.</summary>
    public static ValueRange Subtract(ValueRange a, ValueRange b) =>
        Arithmetic(a, b, Sum(a.Min, Negated(b.Max)), Sum(a.Max, Negated(b.Min)));

    /// <summary>The product of any two values: the extremes are among the products of the bounds.</summary>
    public static ValueRange Multiply(ValueRange a, ValueRange b)
    {
        if (!a.IsBounded || !b.IsBounded)
        {
            return Arithmetic(a, b, null, null);
        }

        var corners = new[] { Product(a.Min, b.Min), Product(a.Min, b.Max), Product(a.Max, b.Min), Product(a.Max, b.Max) };
        return corners.Any(corner => corner is null)
            ? Arithmetic(a, b, null, null)
            : Arithmetic(a, b, corners.Min(), corners.Max());
    }

    /// <summary>
    /// The quotient of any two values; the caller has made sure <paramref name="b"/> does not contain zero. A divisor
    /// whose bounds straddle zero (zero excluded by a guard) is split; a fractional one then comes arbitrarily close to
    /// zero and the quotient is unbounded, unless the dividend is zero. A whole one is at least 1 away. The quotient is
    /// not whole (the caller truncates an integer division's).
    /// </summary>
    public static ValueRange Divide(ValueRange a, ValueRange b)
    {
        if (!a.IsBounded || !b.IsBounded)
        {
            return Arithmetic(a, b, null, null);
        }

        if (b.Min > 0 || b.Max < 0)
        {
            var corners = new[] { Quotient(a.Min, b.Min), Quotient(a.Min, b.Max), Quotient(a.Max, b.Min), Quotient(a.Max, b.Max) };
            return corners.Any(corner => corner is null)
                ? Arithmetic(a, b, null, null)
                : Arithmetic(a, b, corners.Min(), corners.Max()) with { Integral = false };
        }

        if (a.Min == 0 && a.Max == 0)
        {
            return Arithmetic(a, b, 0, 0);
        }

        if (b.Integral)
        {
            var negative = b.Min < 0 ? Divide(a, b with { Max = -1 }) : (ValueRange?)null;
            var positive = b.Max > 0 ? Divide(a, b with { Min = 1 }) : (ValueRange?)null;
            return negative is { } n && positive is { } p ? Union(n, p) : negative ?? positive ?? Arithmetic(a, b, null, null);
        }

        return Arithmetic(a, b, null, null);
    }

    /// <summary>
    /// The remainder of any two values; the caller has made sure <paramref name="b"/> does not contain zero. It has the
    /// dividend's sign (or is zero) and is no larger in magnitude than the dividend or the divisor.
    /// </summary>
    public static ValueRange Remainder(ValueRange a, ValueRange b)
    {
        var divisor = b.IsBounded ? Math.Max(Math.Abs(b.Min!.Value), Math.Abs(b.Max!.Value)) : (decimal?)null;
        var below = a.Min >= 0 ? 0 : Negated(Smaller(Negated(a.Min), divisor));
        var above = a.Max <= 0 ? 0 : Smaller(a.Max, divisor);
        return Arithmetic(a, b, below, above);
    }

    public static ValueRange Negate(ValueRange a) => a with { Min = Negated(a.Max), Max = Negated(a.Min) };

    public static ValueRange Abs(ValueRange a) =>
        a.Min >= 0 ? a
        : a.Max <= 0 ? Negate(a)
        : a with { Min = 0, Max = a.Min is { } low && a.Max is { } high ? Math.Max(-low, high) : null };

    /// <summary>The smaller of two values, as <see cref="Math.Min(decimal, decimal)"/>.</summary>
    public static ValueRange Minimum(ValueRange a, ValueRange b) => Arithmetic(a, b, Smaller(a.Min, b.Min, unboundedWins: true), Smaller(a.Max, b.Max));

    /// <summary>The larger of two values, as <see cref="Math.Max(decimal, decimal)"/>.</summary>
    public static ValueRange Maximum(ValueRange a, ValueRange b) => Arithmetic(a, b, Larger(a.Min, b.Min), Larger(a.Max, b.Max, unboundedWins: true));

    /// <summary>
    /// Rounded to any number of digits: between the floor of the lower bound and the ceiling of the upper; a whole
    /// number when rounded <paramref name="toWhole"/>.
    /// </summary>
    public ValueRange Rounded(bool toWhole) => this with
    {
        Min = Min is { } low ? decimal.Floor(low) : null,
        Max = Max is { } high ? decimal.Ceiling(high) : null,
        NonZero = false,
        Integral = Integral || toWhole,
    };

    /// <summary>Truncated towards zero, as a conversion to an integer truncates.</summary>
    public ValueRange Truncated() => this with
    {
        Min = Min is { } low ? decimal.Truncate(low) : null,
        Max = Max is { } high ? decimal.Truncate(high) : null,
        NonZero = false,
        Integral = true,
    };

    /// <summary>
    /// Widened by a part in a billion for one rounding to a double (at most half a unit in the last of its 53 bits):
    /// zero stays zero and a nonzero value nonzero.
    /// </summary>
    public ValueRange WidenedForDouble() => this with
    {
        Min = Min is { } low ? Sum(low, -(Math.Abs(low) * DoubleRounding)) : null,
        Max = Max is { } high ? Sum(high, Math.Abs(high) * DoubleRounding) : null,
        Integral = false,
    };

    /// <summary>What the values may be, to follow a name: «может быть от 0 до 100» (∞ for an unbounded side), «равно 150».</summary>
    public string Describe() => Min is { } low && low == Max
        ? $"равно {low.ToString(CultureInfo.InvariantCulture)}"
        : $"может быть от {Min?.ToString(CultureInfo.InvariantCulture) ?? "-∞"} до {Max?.ToString(CultureInfo.InvariantCulture) ?? "∞"}";

    /// <summary>A result of two operands: null if either is, NaN if either is, whole if both are (but for a quotient).</summary>
    private static ValueRange Arithmetic(ValueRange a, ValueRange b, decimal? min, decimal? max) =>
        new(min, max, a.MayBeNull || b.MayBeNull, false, a.MayBeNaN || b.MayBeNaN, a.Integral && b.Integral);

    private static decimal? Negated(decimal? value) => -value;

    private static decimal? Sum(decimal? a, decimal? b)
    {
        if (a is not { } x || b is not { } y)
        {
            return null;
        }

        try
        {
            return x + y;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal? Product(decimal? a, decimal? b)
    {
        try
        {
            return a * b;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal? Quotient(decimal? a, decimal? b)
    {
        try
        {
            return a / b;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>The larger bound; an unknown one gives way, unless <paramref name="unboundedWins"/> (an upper bound of a maximum).</summary>
    private static decimal? Larger(decimal? a, decimal? b, bool unboundedWins = false) =>
        a is { } x && b is { } y ? Math.Max(x, y) : unboundedWins ? null : a ?? b;

    /// <summary>The smaller bound; an unknown one gives way, unless <paramref name="unboundedWins"/> (a lower bound of a minimum).</summary>
    private static decimal? Smaller(decimal? a, decimal? b, bool unboundedWins = false) =>
        a is { } x && b is { } y ? Math.Min(x, y) : unboundedWins ? null : a ?? b;
}
