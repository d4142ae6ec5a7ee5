using SchoolRisk.Domain.Evaluation;

namespace SchoolRisk.Domain.Zones;

/// <summary>
/// The zone a school had before a rule set version moved it, and the version that had decided it (<c>null</c> when
/// not known: a row written before versions were kept). A stored row tells it: while the row is still under another
/// version, its own zone and version; once a recalculation with the new version rewrote it (perhaps one killed half-way),
/// the zone and version it kept from before; none when its data came under the new version by an upload (the data
/// moved it, not the rules).
/// </summary>
public sealed record PriorZone(Zone Zone, RuleSetVersion? Version)
{
    /// <param name="ruleSetVersion">The version the school is evaluated with now.</param>
    /// <param name="rowZone">The row's overall zone.</param>
    /// <param name="rowVersion">The version the row was last evaluated with.</param>
    /// <param name="keptZone">The zone the row keeps from before its version, when a recalculation brought it there.</param>
    /// <param name="keptVersion">The version that decided <paramref name="keptZone"/>.</param>
    /// <returns>The zone before <paramref name="ruleSetVersion"/>, or <c>null</c> when the rules did not bring the row to it.</returns>
    public static PriorZone? Of(RuleSetVersion ruleSetVersion, Zone rowZone, RuleSetVersion rowVersion, Zone? keptZone, RuleSetVersion? keptVersion) =>
        rowVersion != ruleSetVersion ? new PriorZone(rowZone, rowVersion)
            : keptZone is { } kept ? new PriorZone(kept, keptVersion)
            : null;
}
