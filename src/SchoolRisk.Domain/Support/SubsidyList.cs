using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;

namespace SchoolRisk.Domain.Support;

/// <summary>
/// The schools that meet the subsidy's criteria, per municipality (issue 23, item 3; the methodology's subsidy targets
/// low-result schools and schools in unfavourable social conditions, docs/methodology.md, section 9): a low-result school (ШНОР)
/// when <see cref="SupportSettings.SubsidyForLowResults"/> (only stably low ones when
/// <see cref="SupportSettings.SubsidyStablyLowOnly"/>), a school in unfavourable social conditions (ШНСУ) when
/// <see cref="SupportSettings.SubsidyForUnfavourableConditions"/>. Written to Excel by <see cref="WriteXlsx"/>.
/// </summary>
public static class SubsidyList
{
    /// <summary>The sheet's Russian headers, in column order.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["Муниципалитет", "Код школы", "Школа", "Уровень", "Классификация", "Основание", "Уже принятые решения о поддержке"];

    /// <param name="schools">The period's schools.</param>
    /// <param name="decided">The period's decisions.</param>
    /// <param name="settings">The criteria.</param>
    /// <returns>The qualifying schools by municipality id, then school id.</returns>
    public static IReadOnlyList<SubsidyEntry> For(IReadOnlyList<SupportSchool> schools, IReadOnlyList<SupportDecision> decided, SupportSettings settings)
    {
        ArgumentNullException.ThrowIfNull(schools);
        ArgumentNullException.ThrowIfNull(decided);
        ArgumentNullException.ThrowIfNull(settings);
        var kinds = decided.ToLookup(decision => decision.SchoolId, decision => decision.Kind);
        return [.. schools
            .Select(school => (school, reasons: ReasonsOf(school, settings)))
            .Where(entry => entry.reasons.Count > 0)
            .OrderBy(entry => entry.school.School.MunicipalityId)
            .ThenBy(entry => entry.school.School.Id)
            .Select(entry => new SubsidyEntry(
                entry.school,
                string.Join(", ", entry.reasons.Select(reason => reason.Label)),
                string.Join("; ", entry.reasons.Select(reason => reason.Text)),
                [.. SupportKinds.Kinds.Where(kind => kinds[entry.school.School.Id].Contains(kind))]))];
    }

    /// <summary>
    /// Writes <paramref name="entries"/> as an XLSX workbook of one sheet «Субсидия»: a title row naming the period,
    /// the <see cref="Headers"/>, a row per school (the municipality by the name <paramref name="municipalityName"/> gives).
    /// Text is neutralised against formula injection.
    /// </summary>
    public static void WriteXlsx(IReadOnlyList<SubsidyEntry> entries, Period period, Func<string, string> municipalityName, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(municipalityName);
        var columns = Enumerable.Range(0, Headers.Count).Select(index => ((char)('A' + index)).ToString()).ToList();
        Dictionary<string, object?> Row(IEnumerable<object?> cells) =>
            columns.Zip(cells, (column, cell) => (column, cell: cell is string text ? SpreadsheetText.Neutralize(text) : cell)).ToDictionary(pair => pair.column, pair => pair.cell);

        var rows = new List<Dictionary<string, object?>>
        {
            Row([$"Школы, отвечающие критериям субсидии, {period} учебный год", .. Enumerable.Repeat<object?>(null, Headers.Count - 1)]),
            Row(Headers),
        };
        rows.AddRange(entries.Select(entry => Row(
        [
            municipalityName(entry.School.School.MunicipalityId.ToString()),
            entry.School.School.Id.ToString(),
            entry.School.School.Name,
            entry.School.LevelTitle,
            entry.Classification,
            entry.Reason,
            string.Join(", ", entry.Decided.Select(kind => kind.Title())),
        ])));
        // The title is the first row: the header row (the second) stays in view with it, and Excel's filter, which MiniExcel
        // would lay from A1 over the title, is left to the reader (Data → Filter on the header row).
        var configuration = new OpenXmlConfiguration
        {
            AutoFilter = false,
            FreezeRowCount = 2,
            DynamicColumns = [.. columns.Zip(ColumnWidths, (column, width) => new DynamicExcelColumn(column) { Width = width })],
        };
        destination.SaveAs(rows, printHeader: false, sheetName: "Субсидия", configuration: configuration);
    }

    /// <summary>The columns' widths in characters, in the order of <see cref="Headers"/>.</summary>
    private static readonly double[] ColumnWidths = [24, 18, 40, 10, 18, 50, 30];

    private static List<(string Label, string Text)> ReasonsOf(SupportSchool school, SupportSettings settings)
    {
        var reasons = new List<(string Label, string Text)>();
        var classification = school.Classification;
        if (settings.SubsidyForLowResults && classification.LowResults && (!settings.SubsidyStablyLowOnly || classification.StablyLowResults))
        {
            var index = classification.ResultsIndex is { } value ? $" (индекс результатов {value.ToString("0.##;−0.##", CultureInfo.GetCultureInfo("ru-RU"))})" : string.Empty;
            reasons.Add(classification.StablyLowResults
                ? ("ШНОР (стабильно)", $"низкие результаты два года подряд{index}")
                : ("ШНОР", $"школа с низкими результатами обучения{index}"));
        }

        if (settings.SubsidyForUnfavourableConditions && classification.UnfavourableConditions)
        {
            reasons.Add(("ШНСУ", "школа, функционирующая в неблагоприятных социальных условиях"));
        }

        return reasons;
    }
}
