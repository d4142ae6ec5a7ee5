using System.Security.Cryptography;
using System.Text;
using SchoolRisk.Domain.Federal;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Support.Effect;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices.Digest;

/// <summary>
/// The committee's digest of a period (docs/methodology.md, section 7.2): schools per municipality and zone, schools new to the
/// high zone (against the previous period), the low-result group (ШНОР) by each school's standing this period:
/// entries (re-entries flagged by their status), stays, exits not yet confirmed, and exits (issue 23, item 4); and,
/// when the committee uploaded the period's federal list, that list beside the regional group (<see cref="Federal"/>,
/// <c>null</c> without one); the effect of the support decided one and two periods before (issue 23, item 5); and the
/// measures the recommendation rules address to the committee, per school (issue 23, item 1). <see cref="Key"/> is a hash of that content: the same state of the region is never reported twice.
/// </summary>
/// <param name="Period">The period digested.</param>
/// <param name="Municipalities">Schools per municipality and zone, and each municipality's zone.</param>
/// <param name="NewHigh">Schools in the high zone that were not in it the period before.</param>
/// <param name="LowResultsEntered">Schools that entered the group this period, <see cref="RiskGroupStatus.Entered"/> or <see cref="RiskGroupStatus.ReEntered"/>.</param>
/// <param name="LowResultsStayed">Schools in the group before and with low results again.</param>
/// <param name="LowResultsLeaving">Schools still in the group whose results are no longer low: their exit is not yet confirmed.</param>
/// <param name="LowResultsLeft">Schools that left the group this period.</param>
/// <param name="Federal">The period's federal list beside the regional group; <c>null</c> when the committee uploaded none.</param>
/// <param name="SupportEffects">The effect of the support decided one and two periods before, as of this period; <c>null</c> or empty when none was decided.</param>
/// <param name="CommitteeMeasures">The recommendations addressed to the committee, per school, ordered by municipality and school; <c>null</c> or empty when none applies.</param>
public sealed record RegionalDigest(
    Period Period,
    IReadOnlyList<DigestRow> Municipalities,
    IReadOnlyList<DigestSchool> NewHigh,
    IReadOnlyList<DigestSchool> LowResultsEntered,
    IReadOnlyList<DigestSchool> LowResultsStayed,
    IReadOnlyList<DigestSchool> LowResultsLeaving,
    IReadOnlyList<DigestSchool> LowResultsLeft,
    FederalComparison? Federal = null,
    IReadOnlyList<SupportEffect>? SupportEffects = null,
    IReadOnlyList<CommitteeMeasure>? CommitteeMeasures = null)
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

            foreach (var (list, schools) in new[] { ("high", NewHigh), ("in", LowResultsEntered), ("stay", LowResultsStayed), ("leaving", LowResultsLeaving), ("out", LowResultsLeft) })
            {
                content.Append(list).Append(':').AppendJoin(',', schools.Select(school => $"{school.SchoolId}={school.RiskGroup.Status.ToKey()}")).Append(';');
            }

            if (Federal is not null)
            {
                foreach (var (list, schools) in new[] { ("federal", Federal.FederalOnly), ("regional", Federal.RegionalOnly), ("both", Federal.Both) })
                {
                    content.Append(list).Append(':').AppendJoin(',', schools.Select(school => school.SchoolId)).Append(';');
                }
            }

            foreach (var effect in SupportEffects ?? [])
            {
                content.Append("effect:").Append(effect.Period).Append('/').Append(effect.Kind).Append(':').Append(Figures(effect.Supported)).Append('|').Append(Figures(effect.Comparison)).Append(';');
            }

            content.Append("measures:").AppendJoin(',', (CommitteeMeasures ?? []).Select(measure => $"{measure.SchoolId}={measure.Measure}")).Append(';');
            return $"{Period}_digest_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())))[..16]}";
        }
    }

    /// <param name="period">The period digested.</param>
    /// <param name="current">Every school's result of the period.</param>
    /// <param name="previous">Every school's result of the period before (empty when there is none).</param>
    /// <param name="municipalZones">Each municipality's zone in the period (schools' and rubrics').</param>
    /// <param name="federalList">The schools on the period's federal list; <c>null</c> when the committee uploaded none.</param>
    /// <param name="supportEffects">The effect of the support decided one and two periods before, as of <paramref name="period"/>.</param>
    /// <param name="committeeMeasures">The recommendations addressed to the committee, per school.</param>
    public static RegionalDigest Of(
        Period period, IReadOnlyList<DigestSchool> current, IReadOnlyList<DigestSchool> previous, IReadOnlyDictionary<MunicipalityId, Zone> municipalZones,
        IReadOnlyList<ComparedSchool>? federalList = null, IReadOnlyList<SupportEffect>? supportEffects = null, IReadOnlyList<CommitteeMeasure>? committeeMeasures = null)
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
        List<DigestSchool> InGroup(params RiskGroupStatus[] statuses) => Ordered(current.Where(school => statuses.Contains(school.RiskGroup.Status)));
        return new RegionalDigest(
            period,
            rows,
            Ordered(current.Where(school => school.Zone == Zone.High && before.GetValueOrDefault(school.SchoolId)?.Zone != Zone.High)),
            InGroup(RiskGroupStatus.Entered, RiskGroupStatus.ReEntered),
            InGroup(RiskGroupStatus.Stayed),
            InGroup(RiskGroupStatus.Leaving),
            InGroup(RiskGroupStatus.Exited),
            federalList is null
                ? null
                : FederalComparison.Of(federalList, current.Where(school => school.RiskGroup.InGroup).Select(school => new ComparedSchool(school.SchoolId, school.SchoolName, school.MunicipalityId))),
            supportEffects,
            [.. (committeeMeasures ?? []).OrderBy(measure => measure.MunicipalityId).ThenBy(measure => measure.SchoolId)]);
    }

    private static string Figures(EffectGroup group) =>
        $"{group.Schools}/{group.InGroup}" + string.Concat(group.Later.Select(later => $"/{later.Observed},{later.Left},{later.Leaving},{later.MeanResultsIndexChange}"));

    private static List<DigestSchool> Ordered(IEnumerable<DigestSchool> schools) =>
        [.. schools.OrderBy(school => school.MunicipalityId).ThenBy(school => school.SchoolId)];
}
