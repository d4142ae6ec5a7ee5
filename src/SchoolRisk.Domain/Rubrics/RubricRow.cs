namespace SchoolRisk.Domain.Rubrics;

/// <summary>
/// A valid row of a rubric upload: the rubric, what it scores (<see cref="Subject"/>: the municipality's id, a school's
/// id or a course's title) with its display name, and the checked item scores.
/// </summary>
public sealed record RubricRow(int Number, Rubric Rubric, string Subject, string SubjectName, RubricScores Scores);
