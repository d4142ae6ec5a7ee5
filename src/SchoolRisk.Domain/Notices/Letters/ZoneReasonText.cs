using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices.Letters;

/// <summary>Why a school is in its risk zone, in Russian, as letters, analytical notes and the risk-map page say it.</summary>
public static class ZoneReasonText
{
    /// <param name="reasons">The school's reasons (<see cref="OverallZonePolicy.ReasonsFor"/>).</param>
    /// <param name="indicatorZones">The zones of the school's indicators in risk zones, to count them.</param>
    /// <returns>One phrase per reason, in the order given; empty for a school in no risk zone.</returns>
    public static IReadOnlyList<string> Describe(IReadOnlyList<ZoneReason> reasons, IEnumerable<Zone> indicatorZones)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(indicatorZones);
        var zones = indicatorZones.ToList();
        return [.. reasons.Select(reason => reason switch
        {
            ZoneReason.HighIndicator => $"показателей в зоне высокого риска: {zones.Count(zone => zone == Zone.High)}",
            ZoneReason.LowResults => "ШНОР — школа с низкими образовательными результатами (по сравнению со школами региона)",
            ZoneReason.MediumIndicators => $"показателей в зоне среднего риска: {zones.Count(zone => zone == Zone.Medium)}",
            _ => "ШНСУ — школа, работающая в неблагоприятных социальных условиях",
        })];
    }
}
