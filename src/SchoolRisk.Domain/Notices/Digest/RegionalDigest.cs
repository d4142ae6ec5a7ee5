using System.Security.Cryptography;
using System.Text;
using SchoolRisk.Domain.Federal;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices.Digest;

/// <summary>
/// The committee's digest of a period (domain.md, section 7): schools per municipality and zone, schools new to the
/// high zone, and changes to the list of schools with low results (ШНОР), all against the previous period; and, when the
/// committee uploaded the period's federal list, that list beside the regional group (<see cref="Federal"/>, <c>null</c>
/// without one). <see cref="Key"/> is a hash of that content: the same state of the region is never reported twice.
/// </summary>
public sealed record RegionalDigest(
    Period Period,
    IReadOnlyList<DigestRow> Municipalities,
    IReadOnlyList<DigestSchool> NewHigh,
    IReadOnlyList<DigestSchool> LowResultsEntered,
    IReadOnlyList<DigestSchool> LowResultsLeft,
    FederalComparison? Federal = null)
{
    public string Key
    {
        get
        {
            var content = new StringBuilder();
            foreach (var row in Municipalities)
            {
                content.Append(row.MunicipalityId).Append(':').Append(row.High).Append('/').Append(row.Medium).Append('/').Append(row.None).Append('/').Append(row.MunicipalZone).Append(';');
            }

            foreach (var (list, schools) in new[] { ("high", NewHigh), ("in", LowResultsEntered), ("out", LowResultsLeft) })
            {
                content.Append(list).Append(':').AppendJoin(',', schools.Select(school => school.SchoolId)).Append(';');
            }

            if (Federal is not null)
            {
                foreach (var (list, schools) in new[] { ("federal", Federal.FederalOnly), ("regional", Federal.RegionalOnly), ("both", Federal.Both) })
                {
                    content.Append(list).Append(':').AppendJoin(',', schools.Select(school => school.SchoolId)).Append(';');
                }
            }

            return $"{Period}_digest_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())))[..16]}";
        }
    }

    /// <param name="period">The period digested.</param>
    /// <param name="current">Every school's result of the period.</param>
    /// <param name="previous">Every school's result of the period before (empty when there is none).</param>
    /// <param name="municipalZones">Each municipality's zone in the period (schools' and rubrics').</param>
    /// <param name="federalList">The schools on the period's federal list; <c>null</c> when the committee uploaded none.</param>
    public static RegionalDigest Of(
        Period period, IReadOnlyList<DigestSchool> current, IReadOnlyList<DigestSchool> previous, IReadOnlyDictionary<MunicipalityId, Zone> municipalZones,
        IReadOnlyList<ComparedSchool>? federalList = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(municipalZones);
        var before = previous.ToDictionary(school => school.SchoolId);
        var rows = current.GroupBy(school => school.MunicipalityId)
            .Select(group => new DigestRow(
                group.Key, group.Count(school => school.Zone == Zone.High), group.Count(school => school.Zone == Zone.Medium),
                group.Count(school => school.Zone == Zone.None), municipalZones.GetValueOrDefault(group.Key)))
            .OrderByDescending(row => row.MunicipalZone).ThenByDescending(row => row.High).ThenBy(row => row.MunicipalityId)
            .ToList();
        var nowIds = current.Select(school => school.SchoolId).ToHashSet();
        return new RegionalDigest(
            period,
            rows,
            Ordered(current.Where(school => school.Zone == Zone.High && before.GetValueOrDefault(school.SchoolId)?.Zone != Zone.High)),
            Ordered(current.Where(school => school.LowResults && before.GetValueOrDefault(school.SchoolId)?.LowResults != true)),
            Ordered(previous.Where(school => school.LowResults && nowIds.Contains(school.SchoolId)
                && !current.Any(now => now.SchoolId == school.SchoolId && now.LowResults))),
            federalList is null
                ? null
                : FederalComparison.Of(federalList, current.Where(school => school.LowResults).Select(school => new ComparedSchool(school.SchoolId, school.SchoolName, school.MunicipalityId))));
    }

    private static List<DigestSchool> Ordered(IEnumerable<DigestSchool> schools) =>
        [.. schools.OrderBy(school => school.MunicipalityId).ThenBy(school => school.SchoolId)];
}
