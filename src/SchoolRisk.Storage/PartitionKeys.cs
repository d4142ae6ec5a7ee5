using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Storage;

/// <summary>
/// Partition keys: one partition per municipality per period (<c>2023-2024_gatchinsky</c>), the unit a municipality
/// uploads and reads; a period's region-wide map is a range scan over the period prefix.
/// </summary>
internal static class PartitionKeys
{
    public static string For(Period period, MunicipalityId municipalityId) => $"{period}_{municipalityId}";

    /// <summary>The filter that selects every partition of one period.</summary>
    public static string PeriodFilter(Period period) =>
        $"PartitionKey ge '{period}_' and PartitionKey lt '{period}`'";

    /// <summary>
    /// Filters that together select every partition of one period, in <paramref name="count"/> contiguous ranges (or
    /// fewer) split evenly over <paramref name="municipalityIds"/> (ordinal order). The ids only place the splits: a
    /// municipality not among them still falls in one of the ranges.
    /// </summary>
    public static IReadOnlyList<string> PeriodRangeFilters(Period period, IReadOnlyList<MunicipalityId> municipalityIds, int count)
    {
        var splits = Enumerable.Range(1, count - 1)
            .Select(range => municipalityIds.Count * range / count)
            .Where(index => index > 0 && index < municipalityIds.Count)
            .Select(index => $"'{For(period, municipalityIds[index])}'")
            .Distinct(StringComparer.Ordinal);
        var bounds = splits.Prepend($"'{period}_'").Append($"'{period}`'").ToList();
        return [.. bounds.Zip(bounds.Skip(1), (from, to) => $"PartitionKey ge {from} and PartitionKey lt {to}")];
    }
}
