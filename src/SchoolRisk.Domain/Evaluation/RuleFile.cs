namespace SchoolRisk.Domain.Evaluation;

/// <summary>The text of one rule file, one RulesEngine workflow, with the name it is known by (<c>exams.json</c>).</summary>
public sealed record RuleFile(string Name, string Json);
