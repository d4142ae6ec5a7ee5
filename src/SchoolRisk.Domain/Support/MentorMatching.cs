using SchoolRisk.Domain.Assessment;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Support;

/// <summary>
/// Proposes mentor pairs for a period (issue 23, item 3; the methodology's resilient schools as mentors of low-result
/// ones, docs/methodology.md, section 4.4). Mentees: the low-result schools (ШНОР) without a mentoring decision yet, weakest first
/// (lowest results index; a school without an index after those with one; then by id). Candidate mentors: resilient
/// schools (<see cref="Typology.Resilient"/>) and schools whose integrated assessment level is
/// <see cref="AssessmentLevel.High"/>, never a low-result school, of the mentee's programme level only. Each mentee gets
/// the nearest mentor with room: the same municipality, then the same educational district (both schools' districts
/// given and equal, ignoring case), then the rest of the region; among equals the stronger (the lower assessment rank;
/// no rank after any rank), then the lower id. A mentor takes at most <see cref="SupportSettings.MaxMenteesPerMentor"/>,
/// the mentoring already decided in the period counted. Pure and deterministic: the same input, the same proposals.
/// </summary>
public static class MentorMatching
{
    /// <param name="schools">The period's schools (registered, with results).</param>
    /// <param name="decided">The period's decisions; its mentoring decisions fill mentors and take their mentees out.</param>
    /// <param name="settings">The mentor capacity.</param>
    /// <returns>A proposal per mentee, in the order they were matched (weakest first).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="SupportSettings.MaxMenteesPerMentor"/> is less than 1.</exception>
    public static IReadOnlyList<MentorProposal> Propose(IReadOnlyList<SupportSchool> schools, IReadOnlyList<SupportDecision> decided, SupportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(schools);
        ArgumentNullException.ThrowIfNull(decided);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxMenteesPerMentor, 1, nameof(settings));
        var mentoring = decided.Where(decision => decision.Kind == SupportKind.Mentoring && decision.MentorId is not null).ToList();
        var mentored = mentoring.Select(decision => decision.SchoolId).ToHashSet();
        var load = mentoring.GroupBy(decision => decision.MentorId!.Value).ToDictionary(group => group.Key, group => group.Count());
        var candidates = Candidates(schools).ToList();

        var mentees = schools
            .Where(school => school.Classification.LowResults && !mentored.Contains(school.School.Id))
            .OrderBy(school => school.Classification.ResultsIndex is null)
            .ThenBy(school => school.Classification.ResultsIndex)
            .ThenBy(school => school.School.Id);

        var proposals = new List<MentorProposal>();
        foreach (var mentee in mentees)
        {
            var sameLevel = candidates.Where(candidate => candidate.School.Level == mentee.School.Level).ToList();
            var mentor = sameLevel
                .Where(candidate => load.GetValueOrDefault(candidate.School.Id) < settings.MaxMenteesPerMentor)
                .OrderBy(candidate => ProximityOf(mentee.School, candidate.School))
                .ThenBy(candidate => candidate.Assessment.Rank ?? int.MaxValue)
                .ThenBy(candidate => candidate.School.Id)
                .FirstOrDefault();
            if (mentor is null)
            {
                proposals.Add(new MentorProposal(mentee, null, null, string.Empty, sameLevel.Count == 0
                    ? $"в регионе нет устойчивых школ и школ с высоким уровнем по комплексной оценке с программой того же уровня ({mentee.LevelTitle})."
                    : $"у всех {sameLevel.Count} подходящих наставников ({mentee.LevelTitle} школы) уже по {settings.MaxMenteesPerMentor} подопечных."));
                continue;
            }

            load[mentor.School.Id] = load.GetValueOrDefault(mentor.School.Id) + 1;
            proposals.Add(new MentorProposal(mentee, mentor, ProximityOf(mentee.School, mentor.School), ReasonOf(mentor), null));
        }

        return proposals;
    }

    /// <summary>«тот же муниципалитет», «тот же образовательный округ», «другой округ региона».</summary>
    public static string Title(this MentorProximity proximity) => proximity switch
    {
        MentorProximity.Municipality => "тот же муниципалитет",
        MentorProximity.District => "тот же образовательный округ",
        _ => "другой округ региона",
    };

    /// <summary>The schools that may mentor: resilient or of the high assessment level, and not low-result; in the order given.</summary>
    public static IEnumerable<SupportSchool> Candidates(IEnumerable<SupportSchool> schools) =>
        schools.Where(school => !school.Classification.LowResults
            && (school.Classification.Typology == Typology.Resilient || school.Assessment.Level == AssessmentLevel.High));

    private static MentorProximity ProximityOf(RegisteredSchool mentee, RegisteredSchool mentor) =>
        mentee.MunicipalityId == mentor.MunicipalityId ? MentorProximity.Municipality
            : mentee.District is { Length: > 0 } district && string.Equals(district, mentor.District, StringComparison.OrdinalIgnoreCase) ? MentorProximity.District
            : MentorProximity.Region;

    /// <summary>Why <paramref name="mentor"/> qualifies, in Russian: «устойчивая школа», «высокий уровень по комплексной оценке, место 3», or both.</summary>
    public static string ReasonOf(SupportSchool mentor)
    {
        ArgumentNullException.ThrowIfNull(mentor);
        var resilient = mentor.Classification.Typology == Typology.Resilient ? "устойчивая школа" : null;
        var high = mentor.Assessment.Level == AssessmentLevel.High
            ? mentor.Assessment.Rank is { } rank ? $"высокий уровень по комплексной оценке, место {rank}" : "высокий уровень по комплексной оценке"
            : null;
        return string.Join("; ", new[] { resilient, high }.OfType<string>());
    }
}
