namespace SchoolRisk.Domain.Zones;

/// <summary>
/// Derives a school's overall zone from the zones of its indicators (domain.md, section 4):
/// <c>high</c> if any indicator is high; <c>medium</c> if at least <see cref="MediumIndicatorsForMedium"/>
/// indicators are medium; otherwise <c>none</c>.
/// </summary>
public sealed record OverallZonePolicy
{
    public static OverallZonePolicy Default { get; } = new();

    /// <summary>How many medium indicators put the school in the medium zone. Default 2.</summary>
    public int MediumIndicatorsForMedium { get; init; } = 2;

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
