using SchoolRisk.Domain.Federal;
using SchoolRisk.Domain.Notices.Digest;

namespace SchoolRisk.Domain.Notices.Letters;

/// <summary>
/// The committee's digest as a letter: a table per municipality and zone, new high-zone schools, the low-result group's
/// entries, stays and exits, and, when the period has a federal list, its counts and where it disagrees with the regional
/// group (each list capped at <see cref="MaxListed"/> schools, the rest counted: «и ещё N»), and the effect of support
/// decided one and two periods before (<see cref="SupportEffectText"/>), and the measures the recommendation rules address
/// to the committee, one list per measure (capped like the federal lists).
/// </summary>
public static class DigestLetter
{
    /// <summary>How many schools each disagreement list of the federal section names.</summary>
    public const int MaxListed = 20;

    /// <param name="digest">The digest.</param>
    /// <param name="nameOf">A municipality's name by its id.</param>
    public static Letter Compose(RegionalDigest digest, Func<string, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(digest);
        ArgumentNullException.ThrowIfNull(nameOf);
        var subject = $"Сводка по зонам риска за {digest.Period}: муниципалитетов в зоне высокого риска — {digest.Municipalities.Count(row => row.MunicipalZone == Zones.Zone.High)}";
        var letter = new LetterBuilder(subject)
            .Paragraph($"Школ оценено: {digest.Municipalities.Sum(row => row.High + row.Medium + row.None)}; в зоне высокого риска — {digest.Municipalities.Sum(row => row.High)}, среднего — {digest.Municipalities.Sum(row => row.Medium)}.")
            .Table(
                ["Муниципалитет", "Зона муниципалитета", "Высокий риск", "Средний риск", "Вне зоны риска"],
                digest.Municipalities.Select(row => (IReadOnlyList<string>)[
                    nameOf(row.MunicipalityId.ToString()), RussianText.Zone(row.MunicipalZone), $"{row.High}", $"{row.Medium}", $"{row.None}"]));
        Schools(letter, "Новые школы в зоне высокого риска", digest.NewHigh, nameOf);
        letter.Heading("Группа риска: школы с низкими результатами (ШНОР)")
            .Paragraph($"Вошли — {digest.LowResultsEntered.Count} (из них повторно — {digest.LowResultsEntered.Count(school => school.RiskGroup.Status == RiskGroups.RiskGroupStatus.ReEntered)}), " +
                $"остаются — {digest.LowResultsStayed.Count}, выход не подтверждён — {digest.LowResultsLeaving.Count}, вышли — {digest.LowResultsLeft.Count}.");
        Schools(letter, "Вошли в группу риска (ШНОР)", digest.LowResultsEntered, nameOf);
        Schools(letter, "Выход из группы риска не подтверждён: результаты уже не низкие, но периодов вне группы меньше, чем нужно для выхода", digest.LowResultsLeaving, nameOf);
        Schools(letter, "Вышли из группы риска (ШНОР)", digest.LowResultsLeft, nameOf);
        if (digest.Federal is { } federal)
        {
            Federal(letter, federal, nameOf);
        }

        Measures(letter, digest.CommitteeMeasures ?? [], nameOf);
        SupportEffectText.Write(letter, digest.SupportEffects ?? [], "региона");

        return letter.Paragraph($"Номер сводки: {digest.Key}. Сводка приходит, когда после загрузок пересчитан весь регион и картина изменилась.").Build(subject);
    }

    private static void Federal(LetterBuilder letter, FederalComparison federal, Func<string, string> nameOf)
    {
        letter.Heading("Федеральный перечень ШНОР")
            .Paragraph($"В федеральном перечне — {federal.FederalCount}, в региональной группе ШНОР — {federal.RegionalCount}, в обоих — {federal.Both.Count}.");
        foreach (var (heading, schools) in new[]
        {
            ("В федеральном перечне, но не в региональной группе", federal.FederalOnly),
            ("В региональной группе, но не в федеральном перечне", federal.RegionalOnly),
        })
        {
            letter.Heading($"{heading}: {schools.Count}", 3);
            if (schools.Count > 0)
            {
                letter.Bullets(schools.Take(MaxListed).Select(school => $"{nameOf(school.MunicipalityId.ToString())}: {school.SchoolId} {school.SchoolName}")
                    .Concat(schools.Count > MaxListed ? [$"и ещё {schools.Count - MaxListed}"] : []));
            }
        }
    }

    /// <summary>The measures addressed to the committee, one heading per measure with its schools (capped) and why.</summary>
    private static void Measures(LetterBuilder letter, IReadOnlyList<CommitteeMeasure> measures, Func<string, string> nameOf)
    {
        if (measures.Count == 0)
        {
            return;
        }

        letter.Heading($"Меры комитета по адресным рекомендациям: школ — {measures.Where(measure => measure.SchoolId is not null).Select(measure => measure.SchoolId).Distinct().Count()}");
        foreach (var measure in measures.GroupBy(measure => measure.Measure, StringComparer.Ordinal))
        {
            var schools = measure.ToList();
            letter.Heading($"{measure.Key} — {schools.Count}", 3)
                .Bullets(schools.Take(MaxListed).Select(school => $"{nameOf(school.MunicipalityId.ToString())}: " +
                    $"{(school.SchoolId is null ? "муниципалитет в целом" : $"{school.SchoolId} {school.SchoolName}")} (основание: {school.Reason})")
                    .Concat(schools.Count > MaxListed ? [$"и ещё {schools.Count - MaxListed}"] : []));
        }
    }

    private static void Schools(LetterBuilder letter, string heading, IReadOnlyList<DigestSchool> schools, Func<string, string> nameOf)
    {
        letter.Heading($"{heading}: {schools.Count}");
        if (schools.Count > 0)
        {
            letter.Bullets(schools.Select(school => $"{nameOf(school.MunicipalityId.ToString())}: {school.SchoolId} {school.SchoolName}" +
                (school.RiskGroup.Status == RiskGroups.RiskGroupStatus.ReEntered ? $" — повторно (выходила в {school.RiskGroup.ExitedIn})" : string.Empty)));
        }
    }
}
