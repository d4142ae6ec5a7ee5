using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Storage;

/// <summary>
/// Partition keys: one partition per municipality per period (<c>2023-2024_gatchinsky</c>), the unit a municipality
/// uploads and reads; a period's region-wide map is a range scan over the period prefix.
/// </summary>
internal static class PartitionKeys
{
    public static string For(Period period, string municipalityId) => $"{period}_{municipalityId}";

    /// <summary>The filter that selects every partition of one period.</summary>
    public static string PeriodFilter(Period period) =>
        $"PartitionKey ge '{period}_' and PartitionKey lt '{period}`'";
}
