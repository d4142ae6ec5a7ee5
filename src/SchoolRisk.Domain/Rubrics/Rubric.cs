namespace SchoolRisk.Domain.Rubrics;

/// <summary>
/// A scored checklist (docs/methodology.md, section 5): <see cref="Items"/> items each scored 0, 1 or 2, and bands over the
/// total that cover 0 to <see cref="MaxScore"/> with no gap or overlap. <see cref="Id"/> is its workflow's name.
/// </summary>
public sealed record Rubric(string Id, string FileName, string Title, RubricLevel Level, int Items, IReadOnlyList<RubricBand> Bands)
{
    public int MaxScore => 2 * Items;

    /// <summary>Checks item scores as written: exactly <see cref="Items"/> of them, each 0, 1 or 2; a missing score is a problem, not a zero.</summary>
    public IReadOnlyList<RubricItemProblem> Check(IReadOnlyList<int?> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var problems = new List<RubricItemProblem>();
        for (var item = 1; item <= Math.Max(Items, scores.Count); item++)
        {
            var score = item <= scores.Count ? scores[item - 1] : null;
            if (item > Items)
            {
                if (score is not null)
                {
                    problems.Add(new RubricItemProblem(item, $"в рубрике «{Title}» {Items} пунктов, пункта {item} в ней нет"));
                }
            }
            else if (score is null)
            {
                problems.Add(new RubricItemProblem(item,
                    $"не указана оценка пункта {item} из {Items}; пропуск — ошибка, а не 0 (оценки: 0, 1 или 2)"));
            }
            else if (score is < 0 or > 2)
            {
                problems.Add(new RubricItemProblem(item, $"оценка пункта {item} равна {score}, а допустимы 0, 1 или 2"));
            }
        }

        return problems;
    }
}
