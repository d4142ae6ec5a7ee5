using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Municipalities;
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

    [Fact]
    public async Task WorstTenPercent_AreLowResults_HighOverall_AndStablyLowWhenLowBefore()
    {
        var (classifier, region) = await SetupAsync();

        var worst = await classifier.ClassifyAsync(Evaluation(Region[19]), School(enrolment: 500), region, lowResultsLastPeriod: true);
        var second = await classifier.ClassifyAsync(Evaluation(Region[18]), School(enrolment: 500), region, lowResultsLastPeriod: false);
        var middle = await classifier.ClassifyAsync(Evaluation(Region[9]), School(enrolment: 500), region, lowResultsLastPeriod: true);

        Assert.Equal((true, true, Zone.High, Typology.Unsuccessful), (worst.Classification.LowResults, worst.Classification.StablyLowResults, worst.OverallZone, worst.Classification.Typology));
        Assert.Equal((true, false), (second.Classification.LowResults, second.Classification.StablyLowResults));
        Assert.False(middle.Classification.LowResults);
        Assert.Equal(Typology.Successful, middle.Classification.Typology);
    }

    [Fact]
    public async Task SmallRemoteSchool_IsUnfavourable_MediumOverall_AndResilientWithHighResults()
    {
        var (classifier, region) = await SetupAsync();

        var best = await classifier.ClassifyAsync(Evaluation(Region[0]), School(enrolment: 60, remote: true), region, null);
        var worst = await classifier.ClassifyAsync(Evaluation(Region[19]), School(enrolment: 60, remote: true), region, null);

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
