using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Classification;

public sealed class SchoolClassifierTests
{
    /// <summary>Twenty schools whose ЕГЭ and ОГЭ failure shares rise from 0 to 9.5: school 20 has the worst results.</summary>
    private static readonly List<SchoolIndicators> Region =
        [.. Enumerable.Range(1, 20).Select(n => new SchoolIndicators { EgeBelowMinShare = (n - 1) * 0.5m, OgeFailShare = (n - 1) * 0.5m, SocialWellbeingIndex = 0.5m + (n * 0.01m) })];

    [Fact]
    public void RegionalDistribution_ResultsIndex_IsHigherForBetterResults()
    {
        var region = RegionalDistribution.Of(Region);

        Assert.True(region.ResultsIndexOf(Region[0]) > region.ResultsIndexOf(Region[19]));
        Assert.Equal(0m, Math.Round(region.ResultsIndex.Mean, 6));
        Assert.Null(region.ResultsIndexOf(new SchoolIndicators { EgeBelowMinShare = 1 }));
    }

    private static readonly Period Period = Period.Parse("2024-2025");

    private static readonly RiskGroupStanding InGroup = new(RiskGroupStatus.Entered, 0, Period.Parse("2023-2024"), null);

    [Fact]
    public async Task WorstTenPercent_AreLowResults_HighOverall_AndStablyLowWhenLowTheGroupBefore()
    {
        var (classifier, region) = await SetupAsync();

        var worst = await classifier.ClassifyAsync(Evaluation(Region[19]), School(enrolment: 500), region, Period, InGroup);
        var second = await classifier.ClassifyAsync(Evaluation(Region[18]), School(enrolment: 500), region, Period, RiskGroupStanding.Outside);
        var middle = await classifier.ClassifyAsync(Evaluation(Region[9]), School(enrolment: 500), region, Period, null);

        Assert.Equal((true, true, Zone.High, Typology.Unsuccessful), (worst.Classification.LowResults, worst.Classification.StablyLowResults, worst.OverallZone, worst.Classification.Typology));
        Assert.Equal(RiskGroupStatus.Stayed, worst.Classification.RiskGroup.Status);
        Assert.Equal((true, false, RiskGroupStatus.Entered, Period), (second.Classification.LowResults, second.Classification.StablyLowResults, second.Classification.RiskGroup.Status, second.Classification.RiskGroup.EnteredIn));
        Assert.False(middle.Classification.LowResults);
        Assert.Equal(Typology.Successful, middle.Classification.Typology);
    }

    [Theory]
    [InlineData(RiskGroupStatus.Stayed, true)]
    [InlineData(RiskGroupStatus.Watched, true)]
    [InlineData(RiskGroupStatus.Leaving, false)]
    [InlineData(RiskGroupStatus.Exited, false)]
    [InlineData(RiskGroupStatus.Outside, false)]
    public async Task StablyLow_IsLowResultsThisPeriodAndThePreviousOne_InTheGroupOrNot(RiskGroupStatus before, bool stably)
    {
        var (classifier, region) = await SetupAsync();

        var low = await classifier.ClassifyAsync(
            Evaluation(Region[19]), School(enrolment: 500), region, Period, new RiskGroupStanding(before, 1, Period.Parse("2022-2023"), null));

        Assert.Equal((true, stably), (low.Classification.LowResults, low.Classification.StablyLowResults));
    }

    [Fact]
    public async Task SchoolNoLongerLow_StaysInTheGroupAndHighZone_UntilItsSecondPeriodOut_ThenExits()
    {
        var (classifier, region) = await SetupAsync();

        var firstOut = await classifier.ClassifyAsync(Evaluation(Region[9]), School(enrolment: 500), region, Period, InGroup);
        var secondOut = await classifier.ClassifyAsync(Evaluation(Region[9]), School(enrolment: 500), region, Period.Parse("2025-2026"), firstOut.Classification.RiskGroup);

        Assert.Equal((true, Zone.High, RiskGroupStatus.Leaving, 1), (firstOut.Classification.LowResults, firstOut.OverallZone, firstOut.Classification.RiskGroup.Status, firstOut.Classification.RiskGroup.Streak));
        Assert.Contains(ZoneReason.LowResults, OverallZonePolicy.Default.ReasonsFor([], firstOut.Classification));
        Assert.Equal((false, Zone.None, RiskGroupStatus.Exited), (secondOut.Classification.LowResults, secondOut.OverallZone, secondOut.Classification.RiskGroup.Status));
        Assert.Equal(Period.Parse("2025-2026"), secondOut.Classification.RiskGroup.ExitedIn);
    }

    [Fact]
    public async Task SchoolLowAgainAfterExiting_IsFlaggedAsReEntered()
    {
        var (classifier, region) = await SetupAsync();
        var exited = new RiskGroupStanding(RiskGroupStatus.Exited, 0, Period.Parse("2021-2022"), Period.Parse("2023-2024"));

        var back = await classifier.ClassifyAsync(Evaluation(Region[19]), School(enrolment: 500), region, Period, exited);

        Assert.Equal((true, false, RiskGroupStatus.ReEntered), (back.Classification.LowResults, back.Classification.StablyLowResults, back.Classification.RiskGroup.Status));
        Assert.Equal("повторно вошла в группу риска в 2024-2025 (выходила в 2023-2024)", back.Classification.RiskGroup.Describe(RiskGroupSettings.Default));
    }

    [Fact]
    public async Task SmallRemoteSchool_IsUnfavourable_MediumOverall_AndResilientWithHighResults()
    {
        var (classifier, region) = await SetupAsync();

        var best = await classifier.ClassifyAsync(Evaluation(Region[0]), School(enrolment: 60, remote: true), region, Period, null);
        var worst = await classifier.ClassifyAsync(Evaluation(Region[19]), School(enrolment: 60, remote: true), region, Period, null);

        Assert.Equal((true, Typology.Resilient, Zone.Medium), (best.Classification.UnfavourableConditions, best.Classification.Typology, best.OverallZone));
        Assert.Equal(Typology.Disadvantaged, worst.Classification.Typology);
    }

    private static async Task<(SchoolClassifier Classifier, RegionalDistribution Region)> SetupAsync() =>
        (new SchoolClassifier(await RepositoryRules.LoadAsync(), OverallZonePolicy.Default), RegionalDistribution.Of(Region));

    private static SchoolEvaluation Evaluation(SchoolIndicators indicators) =>
        new(new SchoolRow(2, SchoolId.Parse("s-1"), "Школа", indicators), [], Zone.None);

    private static RegisteredSchool School(int enrolment, bool remote = false) =>
        new(SchoolId.Parse("s-1"), "Школа", MunicipalityId.Parse("gatchinsky"), "secondary", remote ? "rural" : "urban", remote, enrolment);
}
