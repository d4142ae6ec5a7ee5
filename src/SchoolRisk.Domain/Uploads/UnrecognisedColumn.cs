using System.Text.Json.Serialization;
using SchoolRisk.Domain.Indicators;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// A column that was not read: its header names nothing the product knows, and <see cref="Suggestion"/> is the catalog
/// indicator its words come closest to (<c>null</c> when none is close); or it names an indicator but a unit that
/// indicator is not measured in (<see cref="NamedUnit"/>), so its values would be read wrong.
/// </summary>
public sealed record UnrecognisedColumn(string Header, [property: JsonIgnore] Indicator? Suggestion, IndicatorUnit? NamedUnit = null)
{
    /// <summary>The column as a report's JSON gives it back: the suggestion by its indicator id (one no longer in the catalog: none).</summary>
    [JsonConstructor]
    private UnrecognisedColumn(string header, string? suggestedIndicator, IndicatorUnit? namedUnit)
        : this(header, suggestedIndicator is null ? null : IndicatorCatalog.Find(suggestedIndicator), namedUnit)
    {
    }

    /// <summary>The id of <see cref="Suggestion"/>, as the report's JSON gives it.</summary>
    public string? SuggestedIndicator => Suggestion?.Id;

    /// <summary>What the user is told, in Russian: the column was not read, and what it may have meant.</summary>
    public string Message(string fileName) => (Suggestion, NamedUnit) switch
    {
        ({ } indicator, { } unit) =>
            $"Файл «{fileName}»: столбец «{UploadText.Quote(Header)}» похож на показатель «{indicator.Title}» ({indicator.Id}), но по заголовку значения в нём " +
            $"{unit.Describe()}, а показатель измеряется {indicator.Unit.Describe()}; столбец не прочитан. " +
            $"Пересчитайте значения {indicator.Unit.Describe()} и назовите столбец, как в шаблоне загрузки.",
        ({ } indicator, null) => $"Файл «{fileName}»: столбец «{UploadText.Quote(Header)}» не распознан и не прочитан. Возможно, это показатель «{indicator.Title}» ({indicator.Id}): " +
          "назовите столбец, как в шаблоне загрузки, и загрузите файл снова.",
        _ => $"Файл «{fileName}»: столбец «{UploadText.Quote(Header)}» не распознан и не прочитан (такого показателя нет). Если в нём показатель, назовите столбец, как в шаблоне загрузки.",
    };
}
