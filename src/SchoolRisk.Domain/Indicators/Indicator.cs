using System.Reflection;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Indicators;

/// <summary>
/// One school-level indicator of the methodology: its stable id (the column name in uploads and the
/// <c>Indicator</c> property of rules), its Russian title, the range a value may take, the other column headers
/// it is recognised by, and the property of <see cref="SchoolIndicators"/> that rule expressions read.
/// </summary>
public sealed class Indicator
{
    private readonly Func<SchoolIndicators, decimal?> _read;
    private readonly Action<SchoolIndicators, decimal?> _write;

    public Indicator(string id, string title, IndicatorUnit unit, WorseWhen worseWhen, string propertyName, params IReadOnlyList<string> aliases)
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
        Aliases = aliases;
        _read = property.GetMethod!.CreateDelegate<Func<SchoolIndicators, decimal?>>();
        _write = property.SetMethod.CreateDelegate<Action<SchoolIndicators, decimal?>>();
    }

    /// <summary>Stable ASCII id, for example <c>ege_below_min_share</c>.</summary>
    public string Id { get; }

    /// <summary>Russian title shown to municipalities and the committee; also accepted as a column header.</summary>
    public string Title { get; }

    public IndicatorUnit Unit { get; }

    public WorseWhen WorseWhen { get; }

    /// <summary>
    /// A condition the school works in rather than a result of its work (methodology section 4.3: the social wellbeing
    /// index, the shares of students with disabilities and of migrants' children): reports show its change without
    /// calling it better or worse.
    /// </summary>
    public bool Context { get; init; }

    /// <summary>Property name that rule expressions use: <c>input1.EgeBelowMinShare</c>.</summary>
    public string PropertyName { get; }

    /// <summary>Further column headers this indicator is recognised by, besides its id and title.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>Every header this indicator is recognised by: id, title, aliases.</summary>
    public IEnumerable<string> Headers => [Id, Title, .. Aliases];

    public decimal? ValueOf(SchoolIndicators indicators) => _read(indicators);

    internal void Write(SchoolIndicators indicators, decimal? value) => _write(indicators, value);

    public override string ToString() => Id;
}
