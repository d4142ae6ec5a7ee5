using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Support;

/// <summary>
/// A <see cref="SupportDecisionDraft"/> checked: the <see cref="Decision"/> when nothing is wrong, otherwise every
/// <see cref="Problems">problem</see> found, in Russian. The rules (ours, issue 23 item 3): the school is in the registry;
/// the kind is one of <see cref="SupportKinds"/>; an amount is given for a subsidy and only for it (the other kinds
/// move no money of the committee's), more than zero, in roubles to the kopeck, at most <see cref="MaxAmount"/>; a mentor
/// is given for mentoring and only for it, another school of the registry that is not itself a low-result school of
/// the period (the proposal's level and capacity limits are advice: the committee may decide otherwise); the comment is
/// at most <see cref="MaxCommentLength"/> characters and the name at most <see cref="MaxNameLength"/>.
/// </summary>
public sealed record SupportDecisionCheck(SupportDecision? Decision, IReadOnlyList<string> Problems)
{
    /// <summary>The longest comment, in characters.</summary>
    public const int MaxCommentLength = 1000;

    /// <summary>The longest declared name, in characters.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The largest amount, in roubles: far above any school's subsidy, so a typo of extra digits is caught.</summary>
    public const decimal MaxAmount = 10_000_000_000m;

    /// <param name="period">The period the decision belongs to.</param>
    /// <param name="draft">What was sent.</param>
    /// <param name="channel">How the sender is known, in Russian, recorded after the declared name: «ключ committee», «мастер-ключ», «командная строка, не проверено».</param>
    /// <param name="at">When it is recorded.</param>
    /// <param name="registry">The schools of the region.</param>
    /// <param name="lowResultSchools">The period's low-result schools (ШНОР), which cannot be mentors.</param>
    public static SupportDecisionCheck Of(
        Period period, SupportDecisionDraft draft, string channel, DateTimeOffset at, SchoolRegistry registry, IReadOnlySet<SchoolId> lowResultSchools)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(lowResultSchools);
        var problems = new List<string>();
        var school = RegisteredSchool(draft.School, "школа (school)", "Школы", registry, problems);

        SupportKind? kind = null;
        if (string.IsNullOrWhiteSpace(draft.Kind))
        {
            problems.Add($"Не указан вид поддержки (kind): укажите один из: {SupportKinds.Choices}.");
        }
        else if (SupportKinds.TryParse(draft.Kind, out var parsed))
        {
            kind = parsed;
        }
        else
        {
            problems.Add($"Вид поддержки «{draft.Kind}» не распознан: укажите один из: {SupportKinds.Choices}.");
        }

        CheckAmount(kind, draft.Amount, problems);
        var mentor = CheckMentor(period, kind, draft.Mentor, school, registry, lowResultSchools, problems);

        var comment = draft.Comment?.Trim() ?? string.Empty;
        if (comment.Length > MaxCommentLength)
        {
            problems.Add($"Комментарий длиннее {MaxCommentLength} знаков ({comment.Length}): сократите его.");
        }

        var by = draft.By?.Trim();
        if (by?.Length > MaxNameLength)
        {
            problems.Add($"Имя (by) длиннее {MaxNameLength} знаков ({by.Length}).");
        }

        return problems.Count > 0 || school is null || kind is not { } decided
            ? new SupportDecisionCheck(null, problems)
            : new SupportDecisionCheck(
                new SupportDecision(period, school.Id, decided, draft.Amount, mentor?.Id, comment, Who(by, channel), at), []);
    }

    /// <summary>Who acts, as the decision and the audit record it: «А. Петрова (ключ committee)», or the channel alone without a declared name.</summary>
    public static string Who(string? declared, string channel) => string.IsNullOrWhiteSpace(declared) ? channel : $"{declared.Trim()} ({channel})";

    private static void CheckAmount(SupportKind? kind, decimal? amount, List<string> problems)
    {
        if (amount is not { } value)
        {
            if (kind == SupportKind.Subsidy)
            {
                problems.Add("Для субсидии укажите сумму в рублях (amount).");
            }

            return;
        }

        if (kind is { } other && other != SupportKind.Subsidy)
        {
            problems.Add($"Сумма указывается только для субсидии; для вида «{other.Title()}» её не указывают.");
        }
        else if (value <= 0)
        {
            problems.Add($"Сумма должна быть больше нуля, указано {value}.");
        }
        else if (value > MaxAmount)
        {
            problems.Add($"Сумма {value} ₽ больше 10 млрд ₽: проверьте число.");
        }
        else if (decimal.Round(value, 2) != value)
        {
            problems.Add($"Сумма указывается в рублях с точностью до копеек, указано {value}.");
        }
    }

    private static RegisteredSchool? CheckMentor(
        Period period, SupportKind? kind, string? text, RegisteredSchool? school, SchoolRegistry registry, IReadOnlySet<SchoolId> lowResultSchools, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (kind == SupportKind.Mentoring)
            {
                problems.Add("Для наставничества укажите школу-наставника (mentor).");
            }

            return null;
        }

        if (kind is { } other && other != SupportKind.Mentoring)
        {
            problems.Add($"Школа-наставник указывается только для наставничества; для вида «{other.Title()}» её не указывают.");
            return null;
        }

        var mentor = RegisteredSchool(text, "школа-наставник (mentor)", "Школы-наставника", registry, problems);
        if (mentor is null)
        {
            return null;
        }

        if (school is not null && mentor.Id == school.Id)
        {
            problems.Add("Школа не может быть наставником самой себе: укажите другую школу.");
            return null;
        }

        if (lowResultSchools.Contains(mentor.Id))
        {
            problems.Add($"Школа «{mentor.Id}» сама в списке школ с низкими результатами за {period} и не может быть наставником.");
            return null;
        }

        return mentor;
    }

    private static RegisteredSchool? RegisteredSchool(string? text, string what, string whose, SchoolRegistry registry, List<string> problems)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            problems.Add($"Не указана {what}.");
            return null;
        }

        if (SchoolId.ProblemOf(trimmed) is { } problem)
        {
            problems.Add($"{char.ToUpperInvariant(problem[0])}{problem[1..]}");
            return null;
        }

        var found = registry.Find(SchoolId.Parse(trimmed));
        if (found is null)
        {
            problems.Add($"{whose} «{trimmed}» нет в реестре школ.");
        }

        return found;
    }
}
