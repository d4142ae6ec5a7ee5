using SchoolRisk.Domain.Support.Effect;

namespace SchoolRisk.Domain.Notices.Letters;

/// <summary>
/// The effect of support (<see cref="SupportEffect"/>) as a section of the committee's digest and a municipality's
/// analytical note: a heading, what the figures mean, and a table with a line per kind of support, later period and
/// group (the supported schools and the comparable schools without support), every share with its counts (a comparison's shares standardised, <see cref="SupportEffect"/>).
/// </summary>
internal static class SupportEffectText
{
    /// <summary>Writes the section into <paramref name="letter"/>; nothing when <paramref name="effects"/> is empty.</summary>
    /// <param name="letter">The digest or note being built.</param>
    /// <param name="effects">The effects reported, each with its period of support.</param>
    /// <param name="whose">Whose supported schools are counted, in Russian: «региона» or «муниципалитета».</param>
    internal static void Write(LetterBuilder letter, IReadOnlyList<SupportEffect> effects, string whose)
    {
        ArgumentNullException.ThrowIfNull(letter);
        ArgumentNullException.ThrowIfNull(effects);
        if (effects.Count == 0)
        {
            return;
        }

        letter.Heading("Эффект поддержки")
            .Paragraph($"Школы {whose}, получившие поддержку, рядом с сопоставимыми школами региона без поддержки в том же периоде (та же классификация — ШНОР, ШНСУ — " +
                "и тот же уровень образования). «Вышли из ШНОР» — выход подтверждён; «результаты уже не низкие» — включая школы, чей выход ещё не подтверждён. " +
                "Изменение индекса результатов — относительно региона: больше нуля — школа догоняет регион. Доли и средние сопоставимых школ " +
                "взвешены по составу получивших поддержку (сколько их в каждой классификации и на каждом уровне), поэтому могут не совпадать с отношением чисел в скобках. " +
                $"Сопоставимых школ меньше {SupportEffect.MinimumComparison} не показываем: так мало — не довод, и это были бы данные отдельных школ. " +
                "Это сравнение, а не доказательство причины: смотрите на число школ.")
            .Table(
                ["Поддержка", "Через", "Группа", "Школ (ШНОР)", "Есть данные", "Вышли из ШНОР", "Результаты уже не низкие", "Индекс результатов"],
                effects.SelectMany(Rows));
    }

    private static IEnumerable<IReadOnlyList<string>> Rows(SupportEffect effect)
    {
        var kind = $"{effect.KindTitle}, {effect.Period}";
        if (effect.Supported.Later.Count == 0)
        {
            yield return [kind, "данных следующего периода ещё нет", "получили", Schools(effect.Supported), "—", "—", "—", "—"];
            yield break;
        }

        for (var i = 0; i < effect.Supported.Later.Count; i++)
        {
            var later = effect.Supported.Later[i];
            var after = $"{later.PeriodsLater} {(later.PeriodsLater == 1 ? "год" : "года")} ({later.Period})";
            yield return Row(kind, after, "получили", effect.Supported, later);
            yield return effect.Comparison.Schools == 0 ? [kind, after, "без поддержки", "сопоставимых нет", "—", "—", "—", "—"]
                : effect.Comparison.Later[i].Withheld ? [kind, after, "без поддержки", Schools(effect.Comparison), $"{effect.Comparison.Later[i].Observed}", "меньше " +
                    $"{SupportEffect.MinimumComparison} — не показываем", "—", "—"]
                : Row(kind, after, "без поддержки", effect.Comparison, effect.Comparison.Later[i]);
        }
    }

    private static string[] Row(string kind, string after, string group, EffectGroup schools, EffectHorizon later) =>
    [
        kind, after, group, Schools(schools), $"{later.Observed}", Share(later.LeftShare, later.Left, later.InGroupObserved, schools.InGroup),
        Share(later.NoLongerLowShare, later.Left + later.Leaving, later.InGroupObserved, schools.InGroup),
        later.MeanResultsIndexChange is { } change ? $"{change.ToString("+0.00;−0.00;0.00", RussianText.Culture)} ({later.ResultsIndexCompared} шк.)" : "—",
    ];

    private static string Schools(EffectGroup group) => $"{group.Schools} ({group.InGroup})";

    /// <summary>
    /// A share of the group's ШНОР with its counts; when the group had none, so; when it had some but none of them has
    /// data of the later period, so (not «none»: the group's count in brackets says there were).
    /// </summary>
    private static string Share(decimal? share, int count, int of, int inGroup) =>
        inGroup == 0 ? "ШНОР не было"
        : of == 0 ? "у ШНОР нет данных этого периода"
        : share is { } known ? $"{(known * 100).ToString("0", RussianText.Culture)} % ({count} из {of})" : "—";
}
