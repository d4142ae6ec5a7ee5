namespace SchoolRisk.Domain.Zones;

/// <summary>
/// What puts a school in a risk zone (docs/methodology.md, section 4.8). Each reason alone puts a school in one zone:
/// <see cref="HighIndicator"/> and <see cref="LowResults"/> in the high zone, <see cref="MediumIndicators"/> and
/// <see cref="UnfavourableConditions"/> in the medium zone. <see cref="OverallZonePolicy.ReasonsFor"/> gives them.
/// </summary>
public enum ZoneReason
{
    /// <summary>At least one indicator is in the high zone.</summary>
    HighIndicator,

    /// <summary>The school has low results against the region (ШНОР).</summary>
    LowResults,

    /// <summary>At least <see cref="OverallZonePolicy.MediumIndicatorsForMedium"/> indicators are in the medium zone.</summary>
    MediumIndicators,

    /// <summary>The school works in unfavourable social conditions (ШНСУ).</summary>
    UnfavourableConditions,
}
