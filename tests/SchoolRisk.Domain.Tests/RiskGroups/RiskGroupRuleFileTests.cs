using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.RiskGroups;

namespace SchoolRisk.Domain.Tests.RiskGroups;

/// <summary>
/// The low-result group's criteria as rule data (<c>rules/management-cycle.json</c>): read, validated with their test
/// cases like any rule file, and refused in Russian when a case or number is wrong.
/// </summary>
public sealed class RiskGroupRuleFileTests
{
    private static Task<List<RuleFile>> FilesWithCycleAsync(string cycleJson) =>
        RepositoryRules.FilesWithAsync(new RuleFile("management-cycle.json", cycleJson));

    private static string Cycle(int entry, int exit, string cases) => $$"""
        { "ManagementCycle": { "RiskGroup": { "EntryPeriods": {{entry}}, "ExitPeriods": {{exit}} } }, "TestCases": [ {{cases}} ] }
        """;

    private const string ExitCase = """{ "Name": "выход", "LowResults": [true, false, false], "Expect": ["entered", "leaving", "exited"] }""";

    [Fact]
    public async Task TheRepositoryRules_ExitAfterTwoPeriodsOut_AndEnterAtOnce()
    {
        var ruleSet = await RepositoryRules.LoadAsync();

        Assert.Equal(new RiskGroupSettings(1, 2), ruleSet.RiskGroup);
        Assert.Equal("management-cycle.json", ruleSet.RiskGroupFileName);
    }

    [Fact]
    public async Task ExitPeriodsRaisedWithoutMovingTheCase_IsRefused_NamingTheCaseAndPeriod()
    {
        var validation = await RuleSetValidation.ValidateAsync(await FilesWithCycleAsync(Cycle(1, 3, ExitCase)), TestContext.Current.CancellationToken);

        Assert.False(validation.IsValid);
        Assert.Contains("management-cycle.json, тестовый пример «выход», период 3: ожидалось exited, получилось leaving", validation.Problems);
    }

    [Fact]
    public async Task NoCaseOnTheExitBoundary_IsRefused()
    {
        var validation = await RuleSetValidation.ValidateAsync(
            await FilesWithCycleAsync(Cycle(1, 2, """{ "Name": "вход", "LowResults": [true], "Expect": ["entered"] }""")), TestContext.Current.CancellationToken);

        Assert.Contains(validation.Problems, problem => problem.Contains("ExitPeriods = 2", StringComparison.Ordinal) && problem.Contains("добавьте", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EntryAfterTwoPeriods_NeedsItsOwnBoundaryCase_AndValidatesWithIt()
    {
        var without = await RuleSetValidation.ValidateAsync(await FilesWithCycleAsync(Cycle(2, 2, """
            { "Name": "выход", "LowResults": [true, true, false, false], "Expect": ["watched", "entered", "leaving", "exited"] }
            """)), TestContext.Current.CancellationToken);
        var wrong = await RuleSetValidation.ValidateAsync(await FilesWithCycleAsync(Cycle(2, 2, ExitCase)), TestContext.Current.CancellationToken);

        Assert.True(without.IsValid, string.Join(Environment.NewLine, without.Problems));
        Assert.Contains("management-cycle.json, тестовый пример «выход», период 1: ожидалось entered, получилось watched", wrong.Problems);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task PeriodsOutOfRange_AreRefusedInRussian(int exit)
    {
        var validation = await RuleSetValidation.ValidateAsync(await FilesWithCycleAsync(Cycle(1, exit, ExitCase)), TestContext.Current.CancellationToken);

        Assert.Contains(validation.Problems, problem => problem.StartsWith("management-cycle.json, раздел ManagementCycle.RiskGroup, ExitPeriods:", StringComparison.Ordinal)
            && problem.Contains("от 1 до 10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AStatusThatIsNoKey_OrArraysOfDifferentLength_AreRefused()
    {
        var unknown = await RuleSetValidation.ValidateAsync(
            await FilesWithCycleAsync(Cycle(1, 2, ExitCase + """, { "Name": "слово", "LowResults": [true], "Expect": ["вошла"] }""")), TestContext.Current.CancellationToken);
        var uneven = await RuleSetValidation.ValidateAsync(
            await FilesWithCycleAsync(Cycle(1, 2, ExitCase + """, { "Name": "длина", "LowResults": [true, false], "Expect": ["entered"] }""")), TestContext.Current.CancellationToken);

        Assert.Contains(unknown.Problems, problem => problem.Contains("«вошла» — не состояние группы риска", StringComparison.Ordinal));
        Assert.Contains(uneven.Problems, problem => problem.Contains("в LowResults 2 периодов, а в Expect 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutTheFile_TheDefaultsApply()
    {
        var files = (await RuleFiles.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "rules"), TestContext.Current.CancellationToken))
            .Where(file => file.Name != "management-cycle.json").ToList();

        var ruleSet = await RuleSet.LoadAsync(files, TestContext.Current.CancellationToken);

        Assert.Equal((RiskGroupSettings.Default, (string?)null), (ruleSet.RiskGroup, ruleSet.RiskGroupFileName));
    }
}
