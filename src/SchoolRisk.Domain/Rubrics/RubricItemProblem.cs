namespace SchoolRisk.Domain.Rubrics;

/// <summary>What is wrong with one item's score (1-based), in Russian.</summary>
public sealed record RubricItemProblem(int Item, string Message);
