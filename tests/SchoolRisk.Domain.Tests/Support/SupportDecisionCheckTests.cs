using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;

namespace SchoolRisk.Domain.Tests.Support;

/// <summary>A decision is checked whole, every problem named in Russian; a good one records who with the channel.</summary>
public sealed class SupportDecisionCheckTests
{
    private static readonly Period Period = Period.Parse("2023-2024");
    private static readonly DateTimeOffset At = new(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly SchoolRegistry Registry = new(
        new[] { "gatchinsky-001", "gatchinsky-002", "gatchinsky-003" }.Select(id =>
            new RegisteredSchool(SchoolId.Parse(id), $"Школа {id}", MunicipalityId.Parse("gatchinsky"), SchoolRegistry.Secondary, SchoolRegistry.Urban, false, 300)));

    /// <summary>gatchinsky-003 is a low-result school of the period.</summary>
    private static readonly HashSet<SchoolId> Low = [SchoolId.Parse("gatchinsky-003")];

    [Fact]
    public void Of_MentoringWithAnotherRegisteredSchool_IsTheDecision_ByTheDeclaredNameAndTheKey()
    {
        var check = Check(new SupportDecisionDraft(" gatchinsky-001 ", "наставничество", null, "gatchinsky-002", " пара на год ", "А. Петрова"));

        Assert.Empty(check.Problems);
        Assert.Equal(
            new SupportDecision(Period, SchoolId.Parse("gatchinsky-001"), SupportKind.Mentoring, null, SchoolId.Parse("gatchinsky-002"), "пара на год", "А. Петрова (ключ committee)", At),
            check.Decision);
    }

    [Fact]
    public void Of_ASubsidyWithAnAmount_IsTheDecision_WithoutANameTheKeyAlone()
    {
        var check = Check(new SupportDecisionDraft("gatchinsky-001", "subsidy", 150_000.50m, null, null, null));

        Assert.Equal((SupportKind.Subsidy, 150_000.50m, "ключ committee", string.Empty), (check.Decision!.Kind, check.Decision.Amount, check.Decision.DecidedBy, check.Decision.Comment));
    }

    [Theory]
    [InlineData("mentoring", null, null, "Для наставничества укажите школу-наставника (mentor).")]
    [InlineData("mentoring", null, "gatchinsky-001", "Школа не может быть наставником самой себе: укажите другую школу.")]
    [InlineData("mentoring", null, "kirovsky-001", "Школы-наставника «kirovsky-001» нет в реестре школ.")]
    [InlineData("mentoring", null, "gatchinsky-003", "Школа «gatchinsky-003» сама в списке школ с низкими результатами за 2023-2024 и не может быть наставником.")]
    [InlineData("mentoring", 100.0, "gatchinsky-002", "Сумма указывается только для субсидии; для вида «наставничество» её не указывают.")]
    [InlineData("subsidy", null, null, "Для субсидии укажите сумму в рублях (amount).")]
    [InlineData("subsidy", -5.0, null, "Сумма должна быть больше нуля, указано -5.")]
    [InlineData("subsidy", 10.005, null, "Сумма указывается в рублях с точностью до копеек, указано 10.005.")]
    [InlineData("subsidy", 100.0, "gatchinsky-002", "Школа-наставник указывается только для наставничества; для вида «субсидия» её не указывают.")]
    [InlineData("other", 1.0, null, "Сумма указывается только для субсидии; для вида «другое» её не указывают.")]
    public void Of_AWrongAmountOrMentor_IsRefusedWithOneProblem(string kind, double? amount, string? mentor, string problem)
    {
        var check = Check(new SupportDecisionDraft("gatchinsky-001", kind, (decimal?)amount, mentor, null, null));

        Assert.Null(check.Decision);
        Assert.Equal([problem], check.Problems);
    }

    [Fact]
    public void Of_EverythingWrong_EveryProblemIsNamed()
    {
        var check = Check(new SupportDecisionDraft("kirovsky-001", "грант", null, null, new string('я', 1001), new string('a', 201)));

        Assert.Equal(
            [
                "Школы «kirovsky-001» нет в реестре школ.",
                $"Вид поддержки «грант» не распознан: укажите один из: {SupportKinds.Choices}.",
                "Комментарий длиннее 1000 знаков (1001): сократите его.",
                "Имя (by) длиннее 200 знаков (201).",
            ],
            check.Problems);
        Assert.StartsWith("subsidy (субсидия), mentoring (наставничество), municipal-programme (муниципальная программа поддержки)", SupportKinds.Choices, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_NoSchoolNoKind_AskForBoth_ABadIdSaysWhy()
    {
        Assert.Equal(
            ["Не указана школа (school).", $"Не указан вид поддержки (kind): укажите один из: {SupportKinds.Choices}."],
            Check(new SupportDecisionDraft(null, " ", null, null, null, null)).Problems);
        Assert.StartsWith("Код школы «gatchinsky/1» содержит недопустимый знак «/»", Assert.Single(Check(new SupportDecisionDraft("gatchinsky/1", "other", null, null, null, null)).Problems), StringComparison.Ordinal);
    }

    private static SupportDecisionCheck Check(SupportDecisionDraft draft) => SupportDecisionCheck.Of(Period, draft, "ключ committee", At, Registry, Low);
}
