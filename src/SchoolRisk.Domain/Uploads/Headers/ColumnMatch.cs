using SchoolRisk.Domain.Indicators;

namespace SchoolRisk.Domain.Uploads.Headers;

/// <summary>
/// What a header names: <see cref="Kind"/>, the <see cref="Indicator"/> for an indicator column, and for an unknown
/// one the catalog indicator its words come closest to (<see cref="Suggestion"/>, <c>null</c> when none is close).
/// </summary>
public sealed record ColumnMatch(ColumnKind Kind, Indicator? Indicator = null, Indicator? Suggestion = null)
{
    public static ColumnMatch Unknown { get; } = new(ColumnKind.Unknown);
}
