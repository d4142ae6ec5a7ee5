namespace SchoolRisk.Domain.Zones;

/// <summary>Zone names as written in rule files, storage and messages (<c>none</c>, <c>medium</c>, <c>high</c>).</summary>
public static class ZoneNames
{
    public static string ToKey(this Zone zone) => zone switch
    {
        Zone.High => "high",
        Zone.Medium => "medium",
        _ => "none",
    };

    public static bool TryParse(string? key, out Zone zone)
    {
        switch (key?.Trim().ToLowerInvariant())
        {
            case "high":
                zone = Zone.High;
                return true;
            case "medium":
                zone = Zone.Medium;
                return true;
            case "none":
                zone = Zone.None;
                return true;
            default:
                zone = Zone.None;
                return false;
        }
    }
}
