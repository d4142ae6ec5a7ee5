using System.Globalization;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Indicators;

namespace SchoolRisk.Domain.Evaluation;

/// <summary>
/// How <see cref="RuleFailure"/>s are told, in Russian: to an administrator as rule problems of the form
/// «{file}, правило «{rule}»: {problem}.» (an activation refused, a preview answered 422), one per rule with the first
/// schools it fails on; to a municipality as a problem of its upload's report, naming the row, the school, the indicator
/// (or classification, or rubric) left not evaluated and the rule, and saying it is not the file's fault.
/// </summary>
public static class RuleFailures
{
    /// <summary>How many subjects a rule's problem names before it only counts the rest.</summary>
    public const int NamedSubjects = 5;

    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    /// <summary>What an exception thrown by an expression means, in Russian: the usual ones in words, any other by its type and message.</summary>
    public static string DetailOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            DivideByZeroException => "деление на ноль",
            OverflowException => "переполнение: результат вне диапазона чисел",
            InvalidOperationException when exception.Message.Contains("Nullable object must have a value", StringComparison.Ordinal) =>
                "значение не указано, а выражение берёт его через .Value (проверьте HasValue или используйте ??)",
            NullReferenceException => "обращение к отсутствующему значению",
            _ => $"{exception.GetType().Name}: {exception.Message}",
        };
    }

    /// <summary>What a failure RulesEngine reports as text (<c>ExceptionMessage</c> of a rule's result) means, in Russian.</summary>
    public static string DetailOf(string engineMessage)
    {
        ArgumentNullException.ThrowIfNull(engineMessage);
        return engineMessage switch
        {
            _ when engineMessage.Contains("divide by zero", StringComparison.OrdinalIgnoreCase) => "деление на ноль",
            _ when engineMessage.Contains("overflow", StringComparison.OrdinalIgnoreCase) => "переполнение: результат вне диапазона чисел",
            _ when engineMessage.Contains("Nullable object must have a value", StringComparison.Ordinal) =>
                "значение не указано, а выражение берёт его через .Value (проверьте HasValue или используйте ??)",
            _ => $"ошибка выполнения: {engineMessage}",
        };
    }

    /// <summary>
    /// The problems an administrator reads of failures found evaluating <paramref name="data"/> (such as «данных за
    /// 2023-2024»): one per rule, «{file}, правило «{rule}»: не вычисляется на данных за 2023-2024 — у 2 школ: «id
    /// name» (ege_below_min_share = 12,5 %): деление на ноль; …», naming the first <see cref="NamedSubjects"/> subjects
    /// and counting the rest. <paramref name="fileOf"/> names the file of a workflow the failure does not know it of.
    /// </summary>
    public static IReadOnlyList<string> ForAdministrator(IEnumerable<RuleFailure> failures, string data, IReadOnlyDictionary<string, string> fileOf)
    {
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentNullException.ThrowIfNull(fileOf);
        return [.. failures
            .GroupBy(failure => (failure.WorkflowName, failure.RuleName, failure.Kind))
            .OrderBy(group => group.Key.WorkflowName, StringComparer.Ordinal)
            .ThenBy(group => group.Key.RuleName, StringComparer.Ordinal)
            .Select(group =>
            {
                var first = group.First();
                var file = first.FileName ?? fileOf.GetValueOrDefault(first.WorkflowName) ?? $"блок {first.WorkflowName}";
                var where = first.Kind == RuleFailureKind.Assessment ? $"{file}, интегральная оценка" : $"{file}, правило «{first.RuleName}»";
                var subjects = group.DistinctBy(failure => failure.SubjectId).ToList();
                var named = string.Join("; ", subjects.Take(NamedSubjects).Select(failure => $"{Subject(failure)} ({AdministratorInputs(failure)}): {Trim(failure.Detail)}"));
                var rest = subjects.Count > NamedSubjects ? $"; и ещё {(subjects.Count - NamedSubjects).ToString(Russian)}" : string.Empty;
                var count = subjects.Count.ToString(Russian);
                var whom = first.Kind == RuleFailureKind.Rubric
                    ? $"для {count} {Genitive(subjects.Count, "строки", "строк")} рубрикатора"
                    : $"у {count} {Genitive(subjects.Count, "школы", "школ")}";
                return first.Kind == RuleFailureKind.Assessment
                    ? $"{where}: не вычисляется на {data}: {Trim(first.Detail)}."
                    : $"{where}: выражение не вычисляется на {data} — {whom}: {named}{rest}.";
            })];
    }

    /// <summary>
    /// A failure as a problem of the upload <paramref name="fileName"/> that a municipality reads in its report:
    /// where (file, row), the school and what was left not evaluated, the rule and why, and that the file is not at fault.
    /// </summary>
    public static string ForUpload(RuleFailure failure, string fileName)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var where = failure.RowNumber > 0 ? $"Файл «{fileName}», строка {failure.RowNumber.ToString(Russian)}" : $"Файл «{fileName}»";
        var what = failure.Kind switch
        {
            RuleFailureKind.Zone => $"показатель «{IndicatorCatalog.Find(failure.IndicatorId ?? string.Empty)?.Title ?? failure.IndicatorId}» школы {Subject(failure)} не оценён: правило «{failure.RuleName}» не вычисляется при значении {failure.Inputs}",
            RuleFailureKind.Classification => $"для школы {Subject(failure)} не определено, относится ли она к категории «{ClassificationTitle(failure.Classification)}»: правило «{failure.RuleName}» не вычисляется ({failure.Inputs})",
            RuleFailureKind.Rubric => $"уровень по рубрикатору «{failure.RubricTitle ?? failure.WorkflowName}» для {Subject(failure)} не определён, строка не оценена: правило «{failure.RuleName}» не вычисляется ({failure.Inputs})",
            _ => $"интегральная оценка не вычислена ({failure.Inputs})",
        };
        var rest = failure.Kind == RuleFailureKind.Zone ? " Остальные показатели школы оценены." : string.Empty;
        return $"{where}: {what} ({Trim(failure.Detail)}). Это не ошибка в файле: правило оценки исправит комитет.{rest}";
    }

    /// <summary>The Russian name of a classification, as the letters use it.</summary>
    public static string ClassificationTitle(ClassificationKind? kind) => kind switch
    {
        ClassificationKind.LowResults => "школы с низкими результатами (ШНОР)",
        ClassificationKind.HighResults => "высокие результаты",
        ClassificationKind.UnfavourableConditions => "школы в неблагоприятных социальных условиях (ШНСУ)",
        ClassificationKind.NonObjective => "признаки необъективности результатов",
        ClassificationKind.LeaderEffective => "эффективный руководитель",
        _ => "классификация",
    };

    private static string Subject(RuleFailure failure) =>
        $"«{$"{failure.SubjectId} {failure.SubjectName}".Trim()}»";

    private static string AdministratorInputs(RuleFailure failure) =>
        failure.Kind == RuleFailureKind.Zone && failure.IndicatorId is { } indicator ? $"{indicator} = {failure.Inputs}" : failure.Inputs;

    /// <summary>A count's noun after «у»/«для»: the genitive singular after 1, 21, 31…, the plural otherwise.</summary>
    private static string Genitive(int count, string singular, string plural) => count % 10 == 1 && count % 100 != 11 ? singular : plural;

    private static string Trim(string text) => text.TrimEnd().TrimEnd('.');
}
