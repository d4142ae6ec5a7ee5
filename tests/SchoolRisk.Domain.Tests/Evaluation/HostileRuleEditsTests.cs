using SchoolRisk.Domain.Evaluation;
using SchoolRisk.TestFiles.Corpus;

namespace SchoolRisk.Domain.Tests.Evaluation;

/// <summary>Every edit of the hostile corpus, validated as an activation validates: refused with its problem, or accepted.</summary>
public sealed class HostileRuleEditsTests
{
    public static TheoryData<string> Edits => [.. HostileRuleEdits.All.Select(edit => edit.Name)];

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task Validate_Edit_IsRefusedWithItsProblem_OrAccepted(string name)
    {
        var edit = HostileRuleEdits.All.Single(edit => edit.Name == name);
        var repository = await RuleFiles.ReadDirectoryAsync(Path.Combine(AppContext.BaseDirectory, "rules"), TestContext.Current.CancellationToken);

        var edited = edit.Edit(repository.ToDictionary(file => file.Name, file => file.Json));
        var validation = await RuleSetValidation.ValidateAsync([.. edited.Select(file => new RuleFile(file.Key, file.Value))], TestContext.Current.CancellationToken);

        if (edit.Problem is null)
        {
            Assert.True(validation.IsValid, string.Join("\n", validation.Problems));
        }
        else
        {
            Assert.False(validation.IsValid);
            Assert.Contains(validation.Problems, problem => problem.Contains(edit.Problem, StringComparison.Ordinal));
        }
    }
}
