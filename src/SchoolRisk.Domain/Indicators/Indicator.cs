using System.Reflection;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Indicators;

/// <summary>
/// One school-level indicator of the methodology: its stable id (the column name in uploads and the
/// <c>Indicator</c> property of rules), its Russian title for notices, and the property of
/// <see cref="SchoolIndicators"/> that rule expressions read.
/// </summary>
public sealed class Indicator
{
    private readonly Func<SchoolIndicators, decimal?> _read;
    private readonly Action<SchoolIndicators, decimal?> _write;

    public Indicator(string id, string title, string unit, WorseWhen worseWhen, string propertyName)
    {
        var property = typeof(SchoolIndicators).GetProperty(propertyName, BindingFlags.Public | BindingFlags.Instance);
        if (property is null || property.PropertyType != typeof(decimal?) || property.SetMethod is null)
        {
            throw new ArgumentException(
                $"Indicator '{id}' names '{propertyName}', which is not a settable decimal? property of {nameof(SchoolIndicators)}.",
                nameof(propertyName));
        }

        Id = id;
        Title = title;
        Unit = unit;
        WorseWhen = worseWhen;
        PropertyName = propertyName;
        _read = property.GetMethod!.CreateDelegate<Func<SchoolIndicators, decimal?>>();
        _write = property.SetMethod.CreateDelegate<Action<SchoolIndicators, decimal?>>();
    }

    /// <summary>Stable ASCII id, for example <c>ege_below_min_share</c>.</summary>
    public string Id { get; }

    /// <summary>Russian title shown to municipalities and the committee.</summary>
    public string Title { get; }

    /// <summary>Unit of the value, for example <c>%</c>.</summary>
    public string Unit { get; }

    public WorseWhen WorseWhen { get; }

    /// <summary>Property name that rule expressions use: <c>input1.EgeBelowMinShare</c>.</summary>
    public string PropertyName { get; }

    public decimal? ValueOf(SchoolIndicators indicators) => _read(indicators);

    internal void Write(SchoolIndicators indicators, decimal? value) => _write(indicators, value);

    public override string ToString() => Id;
}
