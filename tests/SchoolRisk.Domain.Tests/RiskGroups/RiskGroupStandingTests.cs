using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.RiskGroups;

namespace SchoolRisk.Domain.Tests.RiskGroups;

/// <summary>
/// The low-result group's entry and exit criteria (issue 23, item 4): each criterion on its boundary, re-entry, and a
/// period without a result breaking the history.
/// </summary>
public sealed class RiskGroupStandingTests
{
    /// <summary>Walks a school through periods from 2021-2022 on, low results or not in each; every standing.</summary>
    private static List<RiskGroupStanding> Walk(RiskGroupSettings settings, params bool[] lowResults)
    {
        var standings = new List<RiskGroupStanding>();
        RiskGroupStanding? before = null;
        foreach (var (low, index) in lowResults.Select((low, index) => (low, index)))
        {
            before = RiskGroupStanding.Next(before, low, Period.Parse($"{2021 + index}-{2022 + index}"), settings);
            standings.Add(before);
        }

        return standings;
    }

    private static RiskGroupStatus[] Statuses(RiskGroupSettings settings, params bool[] lowResults) =>
        [.. Walk(settings, lowResults).Select(standing => standing.Status)];

    [Fact]
    public void ExitAfterTwoPeriods_OnePeriodOutIsLeaving_TheSecondIsExit()
    {
        Assert.Equal(
            [RiskGroupStatus.Entered, RiskGroupStatus.Leaving, RiskGroupStatus.Exited, RiskGroupStatus.Outside],
            Statuses(RiskGroupSettings.Default, true, false, false, false));
        var exited = Walk(RiskGroupSettings.Default, true, false, false)[^1];
        Assert.Equal((Period.Parse("2021-2022"), Period.Parse("2023-2024"), false), (exited.EnteredIn, exited.ExitedIn, exited.InGroup));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    public void ExitPeriods_IsExactlyTheNumberOfPeriodsOutInARow(int exitPeriods, int periodsOutToExit)
    {
        var settings = new RiskGroupSettings(1, exitPeriods);
        var history = new[] { true }.Concat(Enumerable.Repeat(false, periodsOutToExit)).ToArray();

        var statuses = Statuses(settings, history);

        Assert.Equal(RiskGroupStatus.Exited, statuses[^1]);
        Assert.All(statuses[1..^1], status => Assert.Equal(RiskGroupStatus.Leaving, status));
    }

    [Fact]
    public void LowResultsAgainWhileLeaving_ResetsTheCount()
    {
        var settings = new RiskGroupSettings(1, 3);

        Assert.Equal(
            [RiskGroupStatus.Entered, RiskGroupStatus.Leaving, RiskGroupStatus.Leaving, RiskGroupStatus.Stayed, RiskGroupStatus.Leaving, RiskGroupStatus.Leaving, RiskGroupStatus.Exited],
            Statuses(settings, true, false, false, true, false, false, false));
    }

    [Fact]
    public void EntryAfterTwoPeriods_OneLowPeriodIsWatched_TheSecondEnters_AndABreakStartsAgain()
    {
        var settings = new RiskGroupSettings(2, 2);

        Assert.Equal([RiskGroupStatus.Watched, RiskGroupStatus.Entered], Statuses(settings, true, true));
        Assert.Equal([RiskGroupStatus.Watched, RiskGroupStatus.Outside, RiskGroupStatus.Watched], Statuses(settings, true, false, true));
        Assert.All(Walk(settings, true, false, true), standing => Assert.False(standing.InGroup));
    }

    [Fact]
    public void LowAgainAfterExit_IsReEntry_WithBothPeriodsKept()
    {
        var standing = Walk(RiskGroupSettings.Default, true, false, false, true)[^1];

        Assert.Equal((RiskGroupStatus.ReEntered, Period.Parse("2024-2025"), Period.Parse("2023-2024")), (standing.Status, standing.EnteredIn, standing.ExitedIn));
        Assert.True(standing.InGroup);
    }

    [Fact]
    public void NoResultThePeriodBefore_StartsAsIfSeenForTheFirstTime()
    {
        var lowNow = RiskGroupStanding.Next(null, lowResults: true, Period.Parse("2024-2025"), RiskGroupSettings.Default);
        var notLowNow = RiskGroupStanding.Next(null, lowResults: false, Period.Parse("2024-2025"), RiskGroupSettings.Default);

        Assert.Equal(RiskGroupStatus.Entered, lowNow.Status);
        Assert.Equal(RiskGroupStanding.Outside, notLowNow);
    }

    [Fact]
    public void Describe_SaysThePeriodsInRussian()
    {
        var walk = Walk(RiskGroupSettings.Default, true, false, false);

        Assert.Equal(
            ["вошла в группу риска в 2021-2022", "в группе риска: выход не подтверждён (1 из 2 периодов без низких результатов)", "вышла из группы риска в 2023-2024"],
            walk.Select(standing => standing.Describe(RiskGroupSettings.Default)));
    }
}
