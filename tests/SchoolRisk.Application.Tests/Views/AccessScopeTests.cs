using SchoolRisk.Application.Views;

namespace SchoolRisk.Application.Tests.Views;

/// <summary>Which key sees what and may do what: the page shows its panels by these roles, and every door checks them.</summary>
public sealed class AccessScopeTests
{
    [Theory]
    [InlineData(null, true, true, null, "committee,rulesAdmin")]
    [InlineData("committee", false, true, null, "committee")]
    [InlineData("rules-admin", false, true, null, "rulesAdmin")]
    [InlineData("municipality-luzhsky", false, false, "luzhsky", "municipality")]
    [InlineData("municipality-", false, false, null, "")]
    [InlineData("PreviewRules", false, false, null, "")]
    [InlineData(null, false, false, null, "")]
    public void Of_GivesEachKeyItsScopeAndRoles(string? keyName, bool master, bool region, string? municipality, string roles)
    {
        var scope = AccessScope.Of(keyName, master);

        Assert.Equal(region, scope.Region);
        Assert.Equal(municipality, scope.MunicipalityId);
        Assert.Equal(roles, string.Join(',', scope.Roles));
        Assert.Equal(roles.Length > 0, scope.SeesAnything);
        Assert.Equal(roles.Contains("committee", StringComparison.Ordinal) || municipality == "luzhsky", scope.UploadsFor("luzhsky"));
        Assert.Equal(roles.Contains("committee", StringComparison.Ordinal), scope.UploadsFor("kirovsky"));
    }
}
