using System.Text;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Rubrics;
using SchoolRisk.Domain.Tests.Uploads;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Tests.Rubrics;

public sealed class RubricReadingTests
{
    private static readonly string Twelve = string.Join(';', Enumerable.Repeat("2", 12));
    private static readonly string Eleven = string.Join(';', Enumerable.Repeat("1", 11));

    [Fact]
    public async Task MunicipalSchoolAndCourseRubrics_ValidRowsRead_ByIdOrTitle()
    {
        var csv = $"""
            Оценки по рубрикам;;
            Рубрика;Объект;{Header(43)}
            young_teachers;;{Eleven}
            Районные предметные методические объединения;gatchinsky;{Twelve}
            transition_self_assessment;gatchinsky-002;{string.Join(';', Enumerable.Repeat("1", 18))}
            course_review;Формирующее оценивание на уроках математики;{string.Join(';', Enumerable.Repeat("2", 21))}
            """;

        var (rows, reading) = await ReadAsync(csv);

        Assert.Empty(reading.Problems);
        Assert.Equal(
            [("young_teachers", "gatchinsky", 11), ("methodological_associations", "gatchinsky", 24), ("transition_self_assessment", "gatchinsky-002", 18),
             ("course_review", "Формирующее оценивание на уроках математики", 42)],
            rows.Select(row => (row.Rubric.Id, row.Subject, row.Scores.Total)));
        Assert.Equal("МОУ «Гатчинская СОШ № 2»", rows[2].SubjectName);
        Assert.Equal(3, rows[0].Number);
    }

    [Fact]
    public async Task ElevenItemsOfTheTwelveItemAssociationsRubric_RowSkippedNamingColumn12_OtherRowsKept()
    {
        var csv = $"""
            Рубрика;Объект;{Header(12)}
            methodological_associations;;{Eleven};
            methodological_service;;{Twelve}
            """;

        var (rows, reading) = await ReadAsync(csv);

        var problem = Assert.Single(reading.Problems);
        Assert.Equal((2, "п12"), (problem.Row, problem.Column));
        Assert.StartsWith("Файл «rubrics.csv», строка 2, столбец «п12»: не указана оценка пункта 12 из 12; пропуск — ошибка, а не 0", problem.Message, StringComparison.Ordinal);
        Assert.Equal("methodological_service", Assert.Single(rows).Rubric.Id);
        Assert.Equal((2, 1, 1), (reading.DataRows, reading.ValidRows, reading.ProblemCount));
    }

    [Theory]
    [InlineData("young_teachers;;2;2;2;2;2;2;2;2;2;2;2;2", "столбец «п12»: в рубрике")]
    [InlineData("young_teachers;;2;2;3;2;2;2;2;2;2;2;2", "столбец «п3»: оценка пункта 3 равна 3")]
    [InlineData("young_teachers;;2;2;да;2;2;2;2;2;2;2;2", "столбец «п3»: оценка «да» не является числом")]
    [InlineData("young_teachers;luzhsky;2;2;2;2;2;2;2;2;2;2;2", "столбец «Объект»: рубрика «Поддержка молодых педагогов")]
    [InlineData("transition_directions;;2;2;2;2;2;2;2;2;2;2;2", "столбец «Объект»: рубрика «Направления работы программы перехода в эффективный режим» оценивает школу")]
    [InlineData("transition_directions;gatchinsky-404;2;2;2;2;2;2;2;2;2;2;2", "школа «gatchinsky-404» не найдена в реестре")]
    [InlineData("mentoring;;2;2;2;2;2;2;2;2;2;2;2", "столбец «Рубрика»: рубрика «mentoring» неизвестна; известны: course_review,")]
    public async Task BadRow_SkippedWithAMessageNamingRowAndColumn(string line, string expected)
    {
        var csv = $"Рубрика;Объект;{Header(12)}\nmethodological_service;;{Twelve}\n{line}\n";

        var (rows, reading) = await ReadAsync(csv);

        Assert.Single(rows);
        Assert.Contains(reading.Problems, problem => problem.Row == 3 && problem.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SchoolOfAnotherMunicipality_RejectsTheFile()
    {
        var csv = $"Рубрика;Код школы;{Header(18)}\ntransition_self_assessment;luzhsky-001;{string.Join(';', Enumerable.Repeat("1", 18))}\n";

        var error = await Assert.ThrowsAsync<FileRejectedException>(() => ReadAsync(csv));

        Assert.Contains("школа «luzhsky-001» относится к муниципалитету «luzhsky»", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRubricColumn_RejectsTheFileSayingWhatIsExpected()
    {
        var error = await Assert.ThrowsAsync<FileRejectedException>(() => ReadAsync("Код школы;ЕГЭ\ngatchinsky-001;5\n"));

        Assert.Contains("нет строки заголовков со столбцом «Рубрика»", error.Message, StringComparison.Ordinal);
    }

    private static string Header(int items) => string.Join(';', Enumerable.Range(1, items).Select(item => $"п{item}"));

    private static async Task<(List<RubricRow> Rows, RubricReading Reading)> ReadAsync(string csv)
    {
        var rules = await RepositoryRules.LoadAsync();
        var path = new UploadPath(Period.Parse("2023-2024"), MunicipalityId.Parse("gatchinsky"), "rubrics.csv", UploadKind.Rubrics);
        var reading = new RubricReading(new MemoryStream(Encoding.UTF8.GetBytes(csv)), path, TestRegistry.Schools, rules.Rubrics, UploadLimits.Default);
        var rows = await reading.ReadValidRowsAsync(TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        return (rows, reading);
    }
}
