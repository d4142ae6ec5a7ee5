using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads.Writing;

namespace SchoolRisk.Cli.Samples;

/// <summary>
/// The sample region's rubric scores, one sheet per municipality: its three municipal rubrics, both transition-programme
/// rubrics for its two weakest schools, and in some a teacher-training course under review. Municipalities are drawn
/// strong, average or weak; podporozhsky and slantsevsky are weak (a rubric in its low band puts them in the risk zone);
/// kirovsky's mentoring rubric totals exactly 16, the total the source's bands leave out. Two sheets carry mistakes:
/// luzhsky filled the 11-item copy of the associations rubric, tosnensky left an item of the directions rubric empty.
/// </summary>
internal static class SampleRubrics
{
    private static readonly string[] Courses =
    [
        "Формирующее оценивание на уроках математики",
        "Функциональная грамотность: читательская",
        "Наставничество в школе: от адаптации к развитию",
        "Работа с детьми с ОВЗ в общеобразовательном классе",
    ];

    public static UploadSheet For(
        SampleMunicipality municipality, int index, IReadOnlyList<RegisteredSchool> weakest, IReadOnlyDictionary<string, Rubric> rubrics, bool titles, Random random)
    {
        var (fully, partly) = municipality.Id is "podporozhsky" or "slantsevsky"
            ? (0.05, 0.3)
            : random.NextDouble() switch { < 0.4 => (0.8, 0.15), < 0.8 => (0.55, 0.35), _ => (0.35, 0.45) };
        int?[] Draw(Rubric rubric) =>
            [.. Enumerable.Range(0, rubric.Items).Select(_ => random.NextDouble() switch { var p when p < fully => 2, var p when p < fully + partly => 1, _ => (int?)0 })];

        var maxItems = rubrics.Values.Max(rubric => rubric.Items);
        var rows = new List<IReadOnlyList<object?>>();
        void Add(string rubricId, string? subject, int?[] scores) =>
            rows.Add([titles ? rubrics[rubricId].Title : rubricId, subject, .. Enumerable.Range(0, maxItems).Select(item => item < scores.Length ? (object?)scores[item] : null)]);

        foreach (var rubric in rubrics.Values.Where(rubric => rubric.Level == RubricLevel.Municipality).OrderBy(rubric => rubric.Id, StringComparer.Ordinal))
        {
            var scores = Draw(rubric);
            if (municipality.Id == "kirovsky" && rubric.Id == "young_teachers")
            {
                scores = [2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0];
            }

            if (municipality.Id == "luzhsky" && rubric.Id == "methodological_associations")
            {
                scores[^1] = null;
            }

            Add(rubric.Id, null, scores);
        }

        foreach (var school in weakest)
        {
            foreach (var rubric in rubrics.Values.Where(rubric => rubric.Level == RubricLevel.School).OrderBy(rubric => rubric.Id, StringComparer.Ordinal))
            {
                var scores = Draw(rubric);
                if (municipality.Id == "tosnensky" && rubric.Id == "transition_directions" && school == weakest[0])
                {
                    scores[16] = null;
                }

                Add(rubric.Id, school.Id.ToString(), scores);
            }
        }

        if (index % 4 == 1)
        {
            var course = rubrics.Values.First(rubric => rubric.Level == RubricLevel.Course);
            Add(course.Id, $"{Courses[index / 4 % Courses.Length]} ({municipality.Name})", Draw(course));
        }

        return new UploadSheet(
            titles ? $"Оценки по рубрикам: {municipality.Name}, {SampleRegion.Period} учебный год" : null,
            [RubricColumns.RubricHeaders[1], RubricColumns.SubjectHeaders[1], .. Enumerable.Range(1, maxItems).Select(item => $"п{item}")],
            rows);
    }
}
