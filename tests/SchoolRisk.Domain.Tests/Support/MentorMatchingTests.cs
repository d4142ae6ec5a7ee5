using SchoolRisk.Domain.Assessment;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;
using static SchoolRisk.Domain.Tests.Support.SupportSchools;

namespace SchoolRisk.Domain.Tests.Support;

/// <summary>Mentor proposals: the weakest first, the nearest mentor with room, never across programme levels, deterministic.</summary>
public sealed class MentorMatchingTests
{
    private static readonly SupportSettings OnePerMentor = SupportSettings.Default with { MaxMenteesPerMentor = 1 };

    [Fact]
    public void Propose_MentorsAtEveryDistance_SameMunicipalityFirst_ThenSameDistrict_ThenTheRegion()
    {
        SupportSchool[] schools =
        [
            Low("gatchinsky-010", -3m), Low("gatchinsky-011", -2m), Low("gatchinsky-012", -1m),
            Resilient("priozersky-001", "priozersky", district: "Северный", rank: 1),
            High("luzhsky-001", 2, "luzhsky"),
            High("gatchinsky-001", 3),
        ];

        var proposals = MentorMatching.Propose(schools, [], OnePerMentor);

        Assert.Equal(
            [
                ("gatchinsky-010", "gatchinsky-001", MentorProximity.Municipality),
                ("gatchinsky-011", "luzhsky-001", MentorProximity.District),
                ("gatchinsky-012", "priozersky-001", MentorProximity.Region),
            ],
            proposals.Select(p => (p.Mentee.School.Id.ToString(), p.Mentor!.School.Id.ToString(), p.Proximity!.Value)));
        Assert.Equal("другой округ региона", proposals[2].Proximity!.Value.Title());
    }

    [Fact]
    public void Propose_MentorAtCapacity_TheNextMenteeGetsTheNextNearestMentor()
    {
        SupportSchool[] schools = [Low("gatchinsky-010", -3m), Low("gatchinsky-011", -2m), Low("gatchinsky-012", -1m), High("gatchinsky-001", 1), High("luzhsky-001", 2, "luzhsky")];

        var proposals = MentorMatching.Propose(schools, [], SupportSettings.Default);

        Assert.Equal(2, SupportSettings.Default.MaxMenteesPerMentor);
        Assert.Equal(["gatchinsky-001", "gatchinsky-001", "luzhsky-001"], proposals.Select(p => p.Mentor!.School.Id.ToString()));
    }

    [Fact]
    public void Propose_OnlyAMentorOfAnotherLevel_NoMentorIsFound_NamingTheLevel()
    {
        SupportSchool[] schools = [Low("gatchinsky-010", -3m, level: SchoolRegistry.Basic), High("gatchinsky-001", 1)];

        var proposal = Assert.Single(MentorMatching.Propose(schools, [], SupportSettings.Default));

        Assert.Null(proposal.Mentor);
        Assert.Equal(
            "в регионе нет устойчивых школ и школ с высоким уровнем по комплексной оценке с программой того же уровня (основная).",
            proposal.NotFound);
    }

    [Fact]
    public void Propose_EveryMentorFull_NoMentorIsFound_SayingTheyAreFull()
    {
        SupportSchool[] schools = [Low("gatchinsky-010", -3m), Low("gatchinsky-011", -2m), High("gatchinsky-001", 1)];

        var proposals = MentorMatching.Propose(schools, [], OnePerMentor);

        Assert.Equal("gatchinsky-001", proposals[0].Mentor!.School.Id.ToString());
        Assert.Null(proposals[1].Mentor);
        Assert.Equal("у всех 1 подходящих наставников (средняя школы) уже по 1 подопечных.", proposals[1].NotFound);
    }

    [Fact]
    public void Propose_MentoringAlreadyDecided_CountsAgainstTheMentor_AndItsMenteeIsNotProposedAgain()
    {
        SupportSchool[] schools = [Low("gatchinsky-009", -9m), Low("gatchinsky-010", -3m), High("gatchinsky-001", 1), High("luzhsky-001", 2, "luzhsky")];
        var decided = new SupportDecision(
            Period.Parse("2023-2024"), SchoolId.Parse("gatchinsky-009"), SupportKind.Mentoring, null, SchoolId.Parse("gatchinsky-001"), string.Empty, "комитет", DateTimeOffset.UnixEpoch);

        var proposal = Assert.Single(MentorMatching.Propose(schools, [decided], OnePerMentor));

        Assert.Equal(("gatchinsky-010", "luzhsky-001"), (proposal.Mentee.School.Id.ToString(), proposal.Mentor!.School.Id.ToString()));
    }

    [Fact]
    public void Propose_ALowResultSchool_IsNeverAMentor_EvenWhenResilientOrHigh()
    {
        var lowButHigh = Of("gatchinsky-001", "gatchinsky", SchoolRegistry.Secondary, "Южный",
            SchoolClassification.None with { LowResults = true, ResultsIndex = -1m, Typology = Typology.Resilient },
            SchoolAssessment.None with { Level = AssessmentLevel.High, Rank = 1 });

        var proposals = MentorMatching.Propose([Low("gatchinsky-010", -3m), lowButHigh], [], SupportSettings.Default);

        Assert.All(proposals, proposal => Assert.Null(proposal.Mentor));
    }

    [Fact]
    public void Propose_MentorsEquallyNear_TheStrongerRankWins_ThenTheLowerId_WhateverTheInputOrder()
    {
        SupportSchool[] schools =
        [
            Low("gatchinsky-010", -3m), Low("gatchinsky-011", -2m), Low("gatchinsky-012", null),
            Resilient("gatchinsky-005"), High("gatchinsky-004", 7), High("gatchinsky-003", 7),
        ];

        var forward = MentorMatching.Propose(schools, [], OnePerMentor);
        var backward = MentorMatching.Propose([.. schools.Reverse()], [], OnePerMentor);

        Assert.Equal(
            [("gatchinsky-010", "gatchinsky-003"), ("gatchinsky-011", "gatchinsky-004"), ("gatchinsky-012", "gatchinsky-005")],
            forward.Select(p => (p.Mentee.School.Id.ToString(), p.Mentor!.School.Id.ToString())));
        Assert.Equal(forward, backward);
        Assert.Equal("высокий уровень по комплексной оценке, место 7", forward[0].MentorReason);
        Assert.Equal("устойчивая школа", forward[2].MentorReason);
    }

    [Fact]
    public void Propose_SchoolsWithoutADistrict_AreNeverInTheSameDistrict()
    {
        SupportSchool[] schools = [Low("gatchinsky-010", -3m, district: null), High("luzhsky-001", 1, "luzhsky", district: null)];

        var proposal = Assert.Single(MentorMatching.Propose(schools, [], SupportSettings.Default));

        Assert.Equal(MentorProximity.Region, proposal.Proximity);
    }

    [Fact]
    public void Propose_ACapacityBelowOne_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MentorMatching.Propose([], [], SupportSettings.Default with { MaxMenteesPerMentor = 0 }));
    }
}
