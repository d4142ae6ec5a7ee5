using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Uploads.Headers;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// Which column of a header row holds the school id and each indicator (<see cref="UploadColumns"/>). Columns people
/// keep for themselves (the school's name, a row number) are known and not read; every other header is
/// <see cref="Unrecognised"/>, with the closest indicator as a suggestion, and so is an indicator's header that names a
/// unit the indicator is not measured in (<see cref="HeaderUnit"/>). Of two school id columns, one headed
/// <c>school_id</c> (the template's) is the one read, else the first. In a JSON file the header is the records' keys
/// (<see cref="JsonTable"/>), not a row anyone sees: its messages name fields and no row, and a file whose records
/// have no indicator key and no other unknown key is read with no indicator column, as a table whose indicator
/// columns are all empty (an exporter that leaves out null fields writes an unfilled template so), and is refused as
/// an unfilled template once its rows are read.
/// </summary>
public sealed record ColumnMap(
    int SchoolId,
    string SchoolIdHeader,
    IReadOnlyList<(Indicator Indicator, int Index, string Header)> Indicators,
    IReadOnlyList<UnrecognisedColumn> Unrecognised)
{
    /// <summary>
    /// How well <paramref name="row"/> fits as the header row: a school id column makes it a header; a school id column
    /// and an indicator column a full one (an instruction line «Код школы — из реестра» is only a partial one).
    /// </summary>
    public static HeaderFit FitAsHeader(TableRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var kinds = row.Cells.Where(cell => cell.Format == CellFormat.Text && !string.IsNullOrWhiteSpace(cell.Text)).Select(cell => UploadColumns.Match(cell.Text).Kind).ToList();
        return !kinds.Contains(ColumnKind.SchoolId) ? HeaderFit.None : kinds.Contains(ColumnKind.Indicator) ? HeaderFit.Full : HeaderFit.Partial;
    }

    /// <summary>Reads a header row; <c>null</c> when it has no school id column (it is then not the header row).</summary>
    /// <param name="header">The header row found in the file.</param>
    /// <param name="format">The file's format: a JSON file's keys are fields, not a row.</param>
    /// <param name="fileName">The file's name, as messages give it.</param>
    /// <exception cref="FileRejectedException">No indicator column (in JSON, with an unknown key), or two columns of one indicator.</exception>
    public static ColumnMap? TryRead(TableRow header, UploadFormat format, string fileName)
    {
        ArgumentNullException.ThrowIfNull(header);
        var keys = IsJsonKeys(header, format);
        var where = keys ? $"Файл «{fileName}»" : $"Файл «{fileName}», {format.RowNoun()} {header.Number}";
        int? schoolId = null;
        var indicators = new List<(Indicator, int, string)>();
        var unrecognised = new List<UnrecognisedColumn>();
        for (var index = 0; index < header.Cells.Count; index++)
        {
            var text = header.Cells[index].Text?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            var match = UploadColumns.Match(text);
            switch (match.Kind)
            {
                case ColumnKind.SchoolId:
                    schoolId = schoolId is null || string.Equals(text, UploadColumns.SchoolId, StringComparison.OrdinalIgnoreCase) ? index : schoolId;
                    break;
                case ColumnKind.Informative:
                    break;
                case ColumnKind.Indicator when HeaderUnit.Conflicts(text, match.Indicator!, out var named):
                    unrecognised.Add(new UnrecognisedColumn(text, match.Indicator, named));
                    break;
                case ColumnKind.Indicator:
                    var indicator = match.Indicator!;
                    var twin = indicators.FirstOrDefault(column => column.Item1 == indicator);
                    if (twin.Item1 is not null)
                    {
                        throw new FileRejectedException(keys
                            ? $"{where}: поля «{twin.Item3}» и «{UploadText.Quote(text)}» оба означают показатель «{indicator.Title}» ({indicator.Id}); оставьте одно."
                            : $"{where}: столбцы «{twin.Item3}» и «{UploadText.Quote(text)}» оба означают показатель «{indicator.Title}» ({indicator.Id}); оставьте один.");
                    }

                    indicators.Add((indicator, index, text));
                    break;
                default:
                    unrecognised.Add(new UnrecognisedColumn(text, match.Suggestion));
                    break;
            }
        }

        if (schoolId is null)
        {
            return null;
        }

        if (indicators.Count == 0 && !(keys && unrecognised.Count == 0))
        {
            var suggested = unrecognised.FirstOrDefault(column => column.Suggestion is not null);
            throw new FileRejectedException(keys
                ? $"{where}: ни в одной записи нет поля показателя; ожидаются, например, «{IndicatorCatalog.EgeBelowMinShare.Id}» " +
                  $"(«{IndicatorCatalog.EgeBelowMinShare.Title}»). " +
                  (suggested is null ? string.Empty : $"Поле «{UploadText.Quote(suggested.Header)}» похоже на «{suggested.Suggestion!.Title}»: назовите его, как в шаблоне. ") +
                  "Поля называются, как столбцы шаблона загрузки."
                : $"{where}: нет ни одного столбца показателей; ожидаются, например, " +
                  $"«{IndicatorCatalog.EgeBelowMinShare.Title}» ({IndicatorCatalog.EgeBelowMinShare.Id}). " +
                  (suggested is null ? string.Empty : $"Столбец «{UploadText.Quote(suggested.Header)}» похож на «{suggested.Suggestion!.Title}»: назовите его, как в шаблоне. ") +
                  "Столбцы описаны в шаблоне загрузки.");
        }

        return new ColumnMap(schoolId.Value, header.Cells[schoolId.Value].Text!.Trim(), indicators, unrecognised);
    }

    /// <summary>Whether <paramref name="header"/> is a JSON file's keys (row 0, <see cref="JsonTable"/>) rather than a record taken for the header.</summary>
    private static bool IsJsonKeys(TableRow header, UploadFormat format) => format == UploadFormat.Json && header.Number == 0;
}
