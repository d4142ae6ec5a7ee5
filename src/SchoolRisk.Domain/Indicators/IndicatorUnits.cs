using System.Globalization;

namespace SchoolRisk.Domain.Indicators;

public static class IndicatorUnits
{
    private static readonly Dictionary<string, decimal> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["да"] = 1,
        ["есть"] = 1,
        ["yes"] = 1,
        ["true"] = 1,
        ["нет"] = 0,
        ["no"] = 0,
        ["false"] = 0,
    };

    private static readonly Dictionary<string, decimal> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["high"] = 2,
        ["высокий"] = 2,
        ["высокий риск"] = 2,
        ["medium"] = 1,
        ["средний"] = 1,
        ["средний риск"] = 1,
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
    /// Reads a value of this unit: a number with a decimal point or comma, spaces between thousands and an optional «%»;
    /// for flags and zones also their words. On failure, <paramref name="problem"/> says why in Russian.
    /// </summary>
    public static bool TryParse(this IndicatorUnit unit, string text, out decimal value, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = string.Empty;
        if (unit == IndicatorUnit.Flag && Words.TryGetValue(text, out value))
        {
            return true;
        }

        if (unit == IndicatorUnit.Zone && Zones.TryGetValue(text, out value))
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
            problem = unit switch
            {
                IndicatorUnit.Flag => "не является ответом «да» или «нет»",
                IndicatorUnit.Zone => "не является зоной риска («высокий», «средний» или «нет»)",
                _ => "не является числом",
            };
            return false;
        }

        var (min, max, range) = unit switch
        {
            IndicatorUnit.Percent => (0m, 100m, "от 0 до 100"),
            IndicatorUnit.Index => (0m, 1m, "от 0 до 1"),
            IndicatorUnit.Flag => (0m, 1m, "1 или 0"),
            IndicatorUnit.Zone => (0m, 2m, "2, 1 или 0"),
            _ => (0m, decimal.MaxValue, "0 или больше"),
        };
        if (value < min || value > max || (unit is IndicatorUnit.Flag or IndicatorUnit.Zone && value != decimal.Truncate(value)))
        {
            problem = $"вне допустимого диапазона ({range})";
            return false;
        }

        return true;
    }
}
