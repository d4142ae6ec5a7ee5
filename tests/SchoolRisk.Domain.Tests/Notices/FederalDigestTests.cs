using SchoolRisk.Domain.Federal;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Notices.Digest;
using SchoolRisk.Domain.Notices.Letters;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Tests.Notices;

/// <summary>The digest's section on the federal list: only when the period has one, with the counts and both disagreement lists, capped.</summary>
public sealed class FederalDigestTests
{
    private static readonly Period Period = Period.Parse("2023-2024");
    private static readonly Dictionary<MunicipalityId, Zone> Zones = new() { [MunicipalityId.Parse("a")] = Zone.High };

    private static DigestSchool School(string id, bool low) => new(MunicipalityId.Parse("a"), SchoolId.Parse(id), $"Школа {id}", low ? Zone.High : Zone.None,
        low ? new RiskGroupStanding(RiskGroupStatus.Entered, 0, Period, null) : RiskGroupStanding.Outside);

    private static ComparedSchool Federal(string id) => new(SchoolId.Parse(id), $"Школа {id}", MunicipalityId.Parse("a"));

    [Fact]
    public void Digest_WithAFederalList_ShowsTheCountsAndWhereTheListAndTheRegionalGroupDisagree()
    {
        DigestSchool[] now = [School("a-1", low: true), School("a-2", low: true), School("a-3", low: false)];

        var digest = RegionalDigest.Of(Period, now, [], Zones, [Federal("a-2"), Federal("a-3"), Federal("a-9")]);
        var letter = DigestLetter.Compose(digest, id => $"Район {id}");

        Assert.Equal(["a-3", "a-9"], digest.Federal!.FederalOnly.Select(s => s.SchoolId.ToString()));
        Assert.Equal(["a-1"], digest.Federal.RegionalOnly.Select(s => s.SchoolId.ToString()));
        Assert.Contains("Федеральный перечень ШНОР", letter.Text, StringComparison.Ordinal);
        Assert.Contains("В федеральном перечне — 3, в региональной группе ШНОР — 2, в обоих — 1.", letter.Text, StringComparison.Ordinal);
        Assert.Contains("В федеральном перечне, но не в региональной группе: 2", letter.Text, StringComparison.Ordinal);
        Assert.Contains("Район a: a-9 Школа a-9", letter.Text, StringComparison.Ordinal);
        Assert.Contains("В региональной группе, но не в федеральном перечне: 1", letter.Html, StringComparison.Ordinal);
        Assert.NotEqual(digest.Key, RegionalDigest.Of(Period, now, [], Zones).Key);
        Assert.NotEqual(digest.Key, RegionalDigest.Of(Period, now, [], Zones, [Federal("a-2")]).Key);
    }

    [Fact]
    public void Digest_WithoutAFederalList_HasNoSection_AndKeepsItsKey()
    {
        DigestSchool[] now = [School("a-1", low: true)];

        var digest = RegionalDigest.Of(Period, now, [], Zones);
        var letter = DigestLetter.Compose(digest, id => id);

        Assert.Null(digest.Federal);
        Assert.DoesNotContain("Федеральный перечень", letter.Text, StringComparison.Ordinal);
        Assert.Equal(digest.Key, new RegionalDigest(Period, digest.Municipalities, digest.NewHigh, digest.LowResultsEntered, digest.LowResultsStayed, digest.LowResultsLeaving, digest.LowResultsLeft).Key);
    }

    [Fact]
    public void Digest_ALongDisagreementList_IsCappedWithHowManyMore()
    {
        var federal = Enumerable.Range(1, DigestLetter.MaxListed + 7).Select(n => Federal($"a-{n:000}")).ToList();

        var letter = DigestLetter.Compose(RegionalDigest.Of(Period, [School("a-900", low: false)], [], Zones, federal), id => id);

        Assert.Contains($"В федеральном перечне, но не в региональной группе: {DigestLetter.MaxListed + 7}", letter.Text, StringComparison.Ordinal);
        Assert.Contains($"a: a-{DigestLetter.MaxListed:000} ", letter.Text, StringComparison.Ordinal);
        Assert.DoesNotContain($"a-{DigestLetter.MaxListed + 1:000}", letter.Text, StringComparison.Ordinal);
        Assert.Contains("и ещё 7", letter.Text, StringComparison.Ordinal);
    }
}
