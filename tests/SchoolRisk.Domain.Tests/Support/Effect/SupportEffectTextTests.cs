using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices.Digest;
using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Notices.Notes;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;
using SchoolRisk.Domain.Support.Effect;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Support.Effect;

/// <summary>The effect of support in the committee's digest and a municipality's note: a line per later period and group, shares with their counts.</summary>
public sealed class SupportEffectTextTests
{
    private static readonly Period Period = Period.Parse("2024-2025");
    private static readonly Period Decided = Period.Parse("2023-2024");
    private static readonly Dictionary<MunicipalityId, Zone> Zones = new() { [MunicipalityId.Parse("a")] = Zone.High };
    private static readonly DigestSchool[] Now = [new(MunicipalityId.Parse("a"), SchoolId.Parse("a-1"), "Школа a-1", Zone.High, new RiskGroupStanding(RiskGroupStatus.Stayed, 0, Decided, null))];

    private static SupportEffect Subsidy(int left) => new(
        Decided,
        SupportKind.Subsidy,
        new EffectGroup(2, 2, [new EffectHorizon(1, Period, 2, 2, left, 1, left / 2m, (left + 1) / 2m, 0.35m, 2, [])]),
        new EffectGroup(3, 3, [new EffectHorizon(1, Period, 3, 3, 0, 1, 0m, 0.4m, -0.1m, 3, [])]));

    [Fact]
    public void Digest_ShowsEachGroupWithItsCounts_AndTheKeyFollowsTheFigures()
    {
        var digest = RegionalDigest.Of(Period, Now, [], Zones, supportEffects: [Subsidy(left: 1)]);
        var letter = DigestLetter.Compose(digest, id => id);

        Assert.Contains("Эффект поддержки", letter.Text, StringComparison.Ordinal);
        Assert.Contains("субсидия, 2023-2024", letter.Html, StringComparison.Ordinal);
        Assert.Contains("1 год (2024-2025)", letter.Html, StringComparison.Ordinal);
        Assert.Contains("50 % (1 из 2)", letter.Html, StringComparison.Ordinal);
        Assert.Contains("100 % (2 из 2)", letter.Html, StringComparison.Ordinal);
        Assert.Contains("40 % (1 из 3)", letter.Html, StringComparison.Ordinal);
        Assert.Contains("взвешены по составу", letter.Html, StringComparison.Ordinal);
        Assert.Contains("+0,35 (2 шк.)", letter.Html, StringComparison.Ordinal);
        Assert.Contains("−0,10 (3 шк.)", letter.Html, StringComparison.Ordinal);
        Assert.NotEqual(digest.Key, RegionalDigest.Of(Period, Now, [], Zones, supportEffects: [Subsidy(left: 0)]).Key);
        Assert.Equal(RegionalDigest.Of(Period, Now, [], Zones).Key, RegionalDigest.Of(Period, Now, [], Zones, supportEffects: []).Key);
    }

    [Fact]
    public void Digest_WithoutSupport_HasNoSection()
    {
        Assert.DoesNotContain("Эффект поддержки", DigestLetter.Compose(RegionalDigest.Of(Period, Now, [], Zones), id => id).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Note_NoComparableSchoolsOrNoLaterData_SaysSo()
    {
        var noComparison = Subsidy(left: 1) with { Comparison = new EffectGroup(0, 0, []) };
        var noLaterData = new SupportEffect(Period, SupportKind.Mentoring, new EffectGroup(1, 1, []), new EffectGroup(4, 4, []));

        var html = AnalyticalNote.Compose(Period, "Район", Zone.High, TestIds.Version("v1"), [], new ZoneCounts(1, 0, 0), RiskGroupSettings.Default, [noComparison, noLaterData]);

        Assert.Contains("Школы муниципалитета, получившие поддержку", html, StringComparison.Ordinal);
        Assert.Contains("сопоставимых нет", html, StringComparison.Ordinal);
        Assert.Contains("данных следующего периода ещё нет", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Note_AComparisonBelowTheMinimum_IsWithheldWithTheReason()
    {
        var withheld = Subsidy(left: 1) with { Comparison = new EffectGroup(2, 2, [new EffectHorizon(1, Period, 2, 0, 0, 0, null, null, null, 0, [], Withheld: true)]) };

        var html = AnalyticalNote.Compose(Period, "Район", Zone.High, TestIds.Version("v1"), [], new ZoneCounts(1, 0, 0), RiskGroupSettings.Default, [withheld]);

        Assert.Contains($"меньше {SupportEffect.MinimumComparison} — не показываем", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Note_AGroupWithSchoolsInTheRiskGroup_NoneObservedLater_SaysTheyHaveNoData_NotThatThereWereNone()
    {
        // Eleven of the comparison's schools were in the group; none of them has data of the later period.
        var unobserved = Subsidy(left: 1) with { Comparison = new EffectGroup(54, 11, [new EffectHorizon(1, Period, 43, 0, 0, 0, null, null, 0.1m, 43, [])]) };
        var none = Subsidy(left: 1) with { Comparison = new EffectGroup(54, 0, [new EffectHorizon(1, Period, 43, 0, 0, 0, null, null, 0.1m, 43, [])]) };

        var html = AnalyticalNote.Compose(Period, "Район", Zone.High, TestIds.Version("v1"), [], new ZoneCounts(1, 0, 0), RiskGroupSettings.Default, [unobserved]);
        var htmlNone = AnalyticalNote.Compose(Period, "Район", Zone.High, TestIds.Version("v1"), [], new ZoneCounts(1, 0, 0), RiskGroupSettings.Default, [none]);

        Assert.Contains("у ШНОР нет данных этого периода", html, StringComparison.Ordinal);
        Assert.DoesNotContain("ШНОР не было", html, StringComparison.Ordinal);
        Assert.Contains("ШНОР не было", htmlNone, StringComparison.Ordinal);
    }
}
