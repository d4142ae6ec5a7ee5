using SchoolRisk.Domain.Federal;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Tests.Federal;

/// <summary>The federal list beside the regional low-result group, on a region of two municipalities made by hand.</summary>
public sealed class FederalComparisonTests
{
    private static ComparedSchool School(string id) => new(SchoolId.Parse(id), $"Школа {id}", MunicipalityId.Parse(id.Split('-')[0]));

    [Fact]
    public void Of_ListsFederalOnly_RegionalOnly_AndBoth_ByMunicipalityThenId()
    {
        // Federal: a-1, a-2, b-3 (b-3 has no regional result at all); regional low results: a-2, b-1, a-3.
        var federal = new[] { School("b-3"), School("a-2"), School("a-1") };
        var regional = new[] { School("a-3"), School("b-1"), School("a-2") };

        var comparison = FederalComparison.Of(federal, regional);

        Assert.Equal((3, 3), (comparison.FederalCount, comparison.RegionalCount));
        Assert.Equal(["a-1", "b-3"], comparison.FederalOnly.Select(s => s.SchoolId.ToString()));
        Assert.Equal(["a-3", "b-1"], comparison.RegionalOnly.Select(s => s.SchoolId.ToString()));
        Assert.Equal(["a-2"], comparison.Both.Select(s => s.SchoolId.ToString()));
        Assert.Equal(("Школа b-3", MunicipalityId.Parse("b")), (comparison.FederalOnly[1].SchoolName, comparison.FederalOnly[1].MunicipalityId));
    }

    [Fact]
    public void Of_TheSameSchools_AgreesEntirely()
    {
        var comparison = FederalComparison.Of([School("a-1"), School("b-1")], [School("b-1"), School("a-1")]);

        Assert.Empty(comparison.FederalOnly);
        Assert.Empty(comparison.RegionalOnly);
        Assert.Equal(2, comparison.Both.Count);
    }

    [Fact]
    public void Of_NoRegionalGroup_PutsTheWholeListOnTheFederalSide()
    {
        var comparison = FederalComparison.Of([School("a-1")], []);

        Assert.Equal((1, 0, 1, 0, 0), (comparison.FederalCount, comparison.RegionalCount, comparison.FederalOnly.Count, comparison.RegionalOnly.Count, comparison.Both.Count));
    }
}
