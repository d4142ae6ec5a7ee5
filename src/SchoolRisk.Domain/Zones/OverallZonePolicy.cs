using SchoolRisk.Domain.Classification;

namespace SchoolRisk.Domain.Zones;

/// <summary>
/// Derives a school's overall zone (domain.md, section 4): <c>high</c> if any indicator is high or the school has low
/// results (ШНОР); <c>medium</c> if at least <see cref="MediumIndicatorsForMedium"/> indicators are medium or the school
/// is in unfavourable social conditions (ШНСУ); otherwise <c>none</c>.
/// </summary>
public sealed record OverallZonePolicy
{
    public static OverallZonePolicy Default { get; } = new();

    /// <summary>How many medium indicators put the school in the medium zone. Default 2.</summary>
    public int MediumIndicatorsForMedium { get; init; } = 2;

    public Zone Derive(IEnumerable<Zone> indicatorZones, SchoolClassification classification)
    {
        ArgumentNullException.ThrowIfNull(classification);
        var zone = Derive(indicatorZones);
        return zone == Zone.High || classification.LowResults ? Zone.High
            : zone == Zone.Medium || classification.UnfavourableConditions ? Zone.Medium
            : Zone.None;
    }

    public Zone Derive(IEnumerable<Zone> indicatorZones)
    {
        ArgumentNullException.ThrowIfNull(indicatorZones);
        var medium = 0;
        foreach (var zone in indicatorZones)
        {
            if (zone == Zone.High)
            {
                return Zone.High;
            }

            if (zone == Zone.Medium)
            {
                medium++;
            }
        }

        return medium >= MediumIndicatorsForMedium ? Zone.Medium : Zone.None;
    }
}
