using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Support;

namespace SchoolRisk.Domain.Tests.Support;

/// <summary>The mentor and subsidy parameters as rule data (<c>rules/management-cycle.json</c>, <c>ManagementCycle.Support</c>).</summary>
public sealed class SupportSettingsRuleFileTests
{
    private static Task<List<RuleFile>> FilesWithSupportAsync(string support) =>
        RepositoryRules.FilesWithAsync(new RuleFile("management-cycle.json", $$"""
            { "ManagementCycle": { "RiskGroup": { "EntryPeriods": 1, "ExitPeriods": 1 }{{support}} },
              "TestCases": [ { "Name": "выход", "LowResults": [true, false], "Expect": ["entered", "exited"] } ] }
            """));

    [Fact]
    public async Task TheRepositoryRules_GiveTwoMenteesPerMentor_AndTheSubsidyToLowResultAndUnfavourableSchools() =>
        Assert.Equal(new SupportSettings(2, true, false, true), (await RepositoryRules.LoadAsync()).Support);

    [Fact]
    public async Task AnEditedNumber_IsTheOneInForce()
    {
        var validation = await RuleSetValidation.ValidateAsync(await FilesWithSupportAsync("""
            , "Support": { "MaxMenteesPerMentor": 3, "SubsidyForLowResults": true, "SubsidyStablyLowOnly": true, "SubsidyForUnfavourableConditions": false }
            """), TestContext.Current.CancellationToken);

        Assert.True(validation.IsValid, string.Join(Environment.NewLine, validation.Problems));
        Assert.Equal(new SupportSettings(3, true, true, false), validation.RuleSet!.Support);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task MenteesOutOfRange_AreRefusedInRussian(int mentees)
    {
        var validation = await RuleSetValidation.ValidateAsync(await FilesWithSupportAsync($$"""
            , "Support": { "MaxMenteesPerMentor": {{mentees}}, "SubsidyForLowResults": true, "SubsidyStablyLowOnly": false, "SubsidyForUnfavourableConditions": true }
            """), TestContext.Current.CancellationToken);

        Assert.Contains(validation.Problems, problem => problem.StartsWith("management-cycle.json, раздел ManagementCycle.Support, MaxMenteesPerMentor:", StringComparison.Ordinal)
            && problem.Contains("от 1 до 10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutTheSupportPart_TheDefaultsApply()
    {
        var validation = await RuleSetValidation.ValidateAsync(await FilesWithSupportAsync(string.Empty), TestContext.Current.CancellationToken);

        Assert.Equal(SupportSettings.Default, validation.RuleSet!.Support);
    }
}
