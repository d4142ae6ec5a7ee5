using System.Globalization;

namespace SchoolRisk.Domain.Indicators;

/// <summary>
/// What a unit fixes about its values, in one place for rule files and uploads alike: the symbol written after a value,
/// the range a value may take (<see cref="Range"/>, <see cref="InRange"/>), the words a flag or a zone is written with
/// (<see cref="TryReadWord"/>), and how messages describe values of the unit (<see cref="Describe"/>).
/// </summary>
public static class IndicatorUnits
{
    private static readonly Dictionary<string, decimal> FlagWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["да"] = 1,
        ["есть"] = 1,
        ["имеется"] = 1,
        ["yes"] = 1,
        ["true"] = 1,
        ["истина"] = 1,
        ["нет"] = 0,
        ["отсутствует"] = 0,
        ["no"] = 0,
        ["false"] = 0,
        ["ложь"] = 0,
    };

    private static readonly Dictionary<string, decimal> ZoneWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["high"] = 2,
        ["высокий"] = 2,
        ["высокий риск"] = 2,
        ["высокая"] = 2,
        ["medium"] = 1,
        ["средний"] = 1,
        ["средний риск"] = 1,
        ["средняя"] = 1,
        ["none"] = 0,
        ["нет"] = 0,
        ["вне зоны"] = 0,
        ["вне зоны риска"] = 0,
        ["низкий"] = 0,
    };

    /// <summary>The unit as written after a value: «%», «шт.», «на 1000».</summary>
    public static string Symbol(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "%",
        IndicatorUnit.Count => "шт.",
        IndicatorUnit.PerThousand => "на 1000",
        IndicatorUnit.Index => "от 0 до 1",
        IndicatorUnit.Flag => "да/нет",
        _ => "высокий/средний/нет",
    };

    /// <summary>
    /// The unit of a change of a mean, as written after it: percentage points for a share («п. п.»), and for a yes/no fact
    /// or a zone, whose changes are those of the share of schools with «да» or in a risk zone, «п. п. школ»; an index's
    /// change has none.
    /// </summary>
    public static string ChangeSymbol(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "п. п.",
        IndicatorUnit.Count => "шт.",
        IndicatorUnit.PerThousand => "на 1000",
        IndicatorUnit.Index => string.Empty,
        _ => "п. п. школ",
    };

    /// <summary>The least and the greatest value of the unit, and the range as messages give it («от 0 до 100», «0 или больше»).</summary>
    public static (decimal Min, decimal Max, string Text) Range(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => (0m, 100m, "от 0 до 100"),
        IndicatorUnit.Index => (0m, 1m, "от 0 до 1"),
        IndicatorUnit.Flag => (0m, 1m, "1 или 0"),
        IndicatorUnit.Zone => (0m, 2m, "2, 1 или 0"),
        _ => (0m, decimal.MaxValue, "0 или больше"),
    };

    /// <summary>Whether <paramref name="value"/> is one the unit may take: within its <see cref="Range"/>, and whole for a flag or a zone.</summary>
    public static bool InRange(this IndicatorUnit unit, decimal value)
    {
        var (min, max, _) = unit.Range();
        return value >= min && value <= max && (unit is not (IndicatorUnit.Flag or IndicatorUnit.Zone) || value == decimal.Truncate(value));
    }

    /// <summary>
    /// Reads a flag's word («да», «имеется», «истина», «нет», «отсутствует», «ложь», yes/no, true/false) or a zone's
    /// («высокий», «высокая», «средний», «средняя», «нет», «вне зоны», high/medium/none), ignoring case; <c>false</c> for
    /// other units and other text.
    /// </summary>
    public static bool TryReadWord(this IndicatorUnit unit, string text, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        return unit switch
        {
            IndicatorUnit.Flag => FlagWords.TryGetValue(text, out value),
            IndicatorUnit.Zone => ZoneWords.TryGetValue(text, out value),
            _ => false,
        };
    }

    /// <summary>How values of the unit are described in messages: «в процентах», «на 1000 обучающихся», «в штуках (количество)», ...</summary>
    public static string Describe(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "в процентах",
        IndicatorUnit.PerThousand => "на 1000 обучающихся",
        IndicatorUnit.Count => "в штуках (количество)",
        IndicatorUnit.Index => "в долях единицы (от 0 до 1)",
        IndicatorUnit.Flag => "ответом «да» или «нет»",
        _ => "зоной риска",
    };

    /// <summary>Why a text is not a value of the unit, in Russian: «не является числом», or what a flag or a zone is written as.</summary>
    public static string NotAValue(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Flag => "не является ответом «да» или «нет»",
        IndicatorUnit.Zone => "не является зоной риска («высокий», «средний» или «нет»)",
        _ => "не является числом",
    };

    /// <summary>
    /// Reads a value of this unit: a number with a decimal point or comma, spaces between thousands and an optional «%»;
    /// for flags and zones also their words. On failure, <paramref name="problem"/> says why in Russian.
    /// </summary>
    public static bool TryParse(this IndicatorUnit unit, string text, out decimal value, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = string.Empty;
        if (unit.TryReadWord(text, out value))
        {
            return true;
        }

        var number = string.Concat(text.Where(c => !char.IsWhiteSpace(c))).TrimEnd('%');
        if (!number.Contains('.', StringComparison.Ordinal))
        {
            number = number.Replace(',', '.');
        }

        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            problem = unit.NotAValue();
            return false;
        }

        if (!unit.InRange(value))
        {
            problem = $"вне допустимого диапазона ({unit.Range().Text})";
            return false;
        }

        return true;
    }
}
