namespace SchoolRisk.Domain.Indicators;

public static class IndicatorUnits
{
    /// <summary>The unit as written after a value: «%», «чел.», «на 1000».</summary>
    public static string Symbol(this IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => "%",
        IndicatorUnit.Count => "шт.",
        _ => "на 1000",
    };

    /// <summary>Whether a value is in the unit's range; when not, a Russian description of the range.</summary>
    public static bool Accepts(this IndicatorUnit unit, decimal value, out string range)
    {
        range = unit == IndicatorUnit.Percent ? "от 0 до 100" : "0 или больше";
        return value >= 0 && (unit != IndicatorUnit.Percent || value <= 100);
    }
}
