using System.Text.RegularExpressions;
using SchoolRisk.Domain.Indicators;

namespace SchoolRisk.Domain.Uploads.Headers;

/// <summary>
/// The unit a header names for its values, when it names one, in this order of precedence: per thousand («‰», «на
/// 1000», «промилле»: «Количество правонарушений на 1000 обучающихся» is per thousand), a fraction of one («в долях
/// единицы», «от 0 до 1»), a count by its unit («чел.», «шт.»: «Доля ОВЗ, чел.» holds head counts), percent («%»,
/// «процент», «доля»), a count by its word («количество», «кол-во», «число»).
/// A column whose header names a unit its indicator is not measured in is not read (<see cref="Conflicts"/>): its
/// values would be read wrong without a word (head counts as percent, fractions as percent).
/// </summary>
public static partial class HeaderUnit
{
    /// <summary>The unit <paramref name="header"/> names; <c>null</c> when it names none.</summary>
    public static IndicatorUnit? Of(string header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var text = header.ToLowerInvariant().Replace('ё', 'е');
        return PerThousand().IsMatch(text) ? IndicatorUnit.PerThousand
            : Fraction().IsMatch(text) ? IndicatorUnit.Index
            : CountUnit().IsMatch(text) ? IndicatorUnit.Count
            : Percent().IsMatch(text) ? IndicatorUnit.Percent
            : CountWord().IsMatch(text) ? IndicatorUnit.Count
            : null;
    }

    /// <summary>Whether <paramref name="header"/> names a unit <paramref name="indicator"/> is not measured in.</summary>
    public static bool Conflicts(string header, Indicator indicator, out IndicatorUnit named)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        named = Of(header) ?? indicator.Unit;
        return (indicator.Unit, named) switch
        {
            (var same, var other) when same == other => false,
            (IndicatorUnit.Flag or IndicatorUnit.Zone, IndicatorUnit.Count or IndicatorUnit.Index) => false,
            _ => true,
        };
    }

    [GeneratedRegex(@"‰|промилле|на\s*1\s?000\b")]
    private static partial Regex PerThousand();

    [GeneratedRegex(@"в\s+долях\s+единицы|доли\s+единицы|от\s*0\s*до\s*1\b")]
    private static partial Regex Fraction();

    [GeneratedRegex(@"%|процент|\bдол[яиеюь]\b|удельный\s+вес")]
    private static partial Regex Percent();

    [GeneratedRegex(@"\bчел\b|\bчел\.|\bчеловек|\bшт\b|\bшт\.")]
    private static partial Regex CountUnit();

    [GeneratedRegex(@"\bколичеств|\bкол-?\s?во\b|\bчисло\b")]
    private static partial Regex CountWord();
}
