using System.Text.Json.Serialization;
using SchoolRisk.Domain.Indicators;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// A column whose header names nothing the product knows: it was not read. <see cref="Suggestion"/> is the catalog
/// indicator its words come closest to, for the user to rename the header to, <c>null</c> when none is close.
/// </summary>
public sealed record UnrecognisedColumn(string Header, [property: JsonIgnore] Indicator? Suggestion)
{
    /// <summary>The id of <see cref="Suggestion"/>, as the report's JSON gives it.</summary>
    public string? SuggestedIndicator => Suggestion?.Id;

    /// <summary>What the user is told, in Russian: the column was not read, and what it may have meant.</summary>
    public string Message(string fileName) => Suggestion is { } indicator
        ? $"Файл «{fileName}»: столбец «{UploadText.Quote(Header)}» не распознан и не прочитан. Возможно, это показатель «{indicator.Title}» ({indicator.Id}): " +
          "назовите столбец, как в шаблоне загрузки, и загрузите файл снова."
        : $"Файл «{fileName}»: столбец «{UploadText.Quote(Header)}» не распознан и не прочитан (такого показателя нет). Если в нём показатель, назовите столбец, как в шаблоне загрузки.";
}
