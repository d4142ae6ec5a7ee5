using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices.Notes;

/// <summary>Schools per zone, and their shares in percent.</summary>
public sealed record ZoneCounts(int High, int Medium, int None)
{
    public int Total => High + Medium + None;

    public decimal Share(Zone zone) => Total == 0 ? 0 : Math.Round(100m * (zone switch { Zone.High => High, Zone.Medium => Medium, _ => None }) / Total, 1);

    public static ZoneCounts Of(IEnumerable<Zone> zones)
    {
        var list = zones.ToList();
        return new ZoneCounts(list.Count(zone => zone == Zone.High), list.Count(zone => zone == Zone.Medium), list.Count(zone => zone == Zone.None));
    }
}
