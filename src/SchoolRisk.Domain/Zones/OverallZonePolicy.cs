using SchoolRisk.Domain.Classification;

namespace SchoolRisk.Domain.Zones;

/// <summary>
/// Derives a school's overall zone (docs/methodology.md, section 4.8): <c>high</c> if any indicator is high or the school has low
/// results (ШНОР); <c>medium</c> if at least <see cref="MediumIndicatorsForMedium"/> indicators are medium or the school
/// is in unfavourable social conditions (ШНСУ); otherwise <c>none</c>.
/// </summary>
public sealed record OverallZonePolicy
{
    public static OverallZonePolicy Default { get; } = new();

    /// <summary>How many medium indicators put the school in the medium zone. Default 2.</summary>
    public int MediumIndicatorsForMedium { get; init; } = 2;

    /// <summary>The school's overall zone: the zone of its reasons (<see cref="ReasonsFor"/>), or none without any.</summary>
    public Zone Derive(IEnumerable<Zone> indicatorZones, SchoolClassification classification) =>
        ReasonsFor(indicatorZones, classification) is [var first, ..] ? ZoneOf(first) : Zone.None;

    /// <summary>
    /// Why a school is in its overall zone: the reasons of that zone only (a high school's reasons are what makes it
    /// high), high reasons first; empty exactly when the school is in no risk zone.
    /// </summary>
    /// <param name="indicatorZones">The zone of each indicator in a risk zone (a finding's zone).</param>
    /// <param name="classification">The school's classification in the period.</param>
    public IReadOnlyList<ZoneReason> ReasonsFor(IEnumerable<Zone> indicatorZones, SchoolClassification classification)
    {
        ArgumentNullException.ThrowIfNull(indicatorZones);
        ArgumentNullException.ThrowIfNull(classification);
        var zones = indicatorZones.ToList();
        var high = new List<ZoneReason>();
        if (zones.Contains(Zone.High))
        {
            high.Add(ZoneReason.HighIndicator);
        }

        if (classification.LowResults)
        {
            high.Add(ZoneReason.LowResults);
        }

        if (high.Count > 0)
        {
            return high;
        }

        var medium = new List<ZoneReason>();
        if (zones.Count(zone => zone == Zone.Medium) >= MediumIndicatorsForMedium)
        {
            medium.Add(ZoneReason.MediumIndicators);
        }

        if (classification.UnfavourableConditions)
        {
            medium.Add(ZoneReason.UnfavourableConditions);
        }

        return medium;
    }

    /// <summary>The zone a reason alone puts a school in.</summary>
    public static Zone ZoneOf(ZoneReason reason) => reason is ZoneReason.HighIndicator or ZoneReason.LowResults ? Zone.High : Zone.Medium;

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
