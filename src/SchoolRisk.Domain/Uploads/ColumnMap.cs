using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Uploads.Tables;

namespace SchoolRisk.Domain.Uploads;

/// <summary>Which column of a header row holds the school id and each indicator. Headers it does not know are listed as ignored.</summary>
public sealed record ColumnMap(
    int SchoolId,
    string SchoolIdHeader,
    IReadOnlyList<(Indicator Indicator, int Index, string Header)> Indicators,
    IReadOnlyList<string> Ignored)
{
    /// <summary>Reads a header row; <c>null</c> when it has no school id column (it is then not the header row).</summary>
    public static ColumnMap? TryRead(TableRow header, string fileName)
    {
        ArgumentNullException.ThrowIfNull(header);
        int? schoolId = null;
        var indicators = new List<(Indicator, int, string)>();
        var ignored = new List<string>();
        for (var index = 0; index < header.Cells.Count; index++)
        {
            var text = header.Cells[index]?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            if (UploadColumns.IsSchoolId(text))
            {
                schoolId ??= index;
            }
            else if (UploadColumns.IsSchoolName(text))
            {
                // Known, not read: the registry's name is authoritative.
            }
            else if (UploadColumns.IndicatorOf(text) is { } indicator)
            {
                var twin = indicators.FirstOrDefault(column => column.Item1 == indicator);
                if (twin.Item1 is not null)
                {
                    throw new UploadRejectedException(
                        $"Файл «{fileName}», строка {header.Number}: столбцы «{twin.Item3}» и «{text}» оба означают показатель " +
                        $"«{indicator.Title}» ({indicator.Id}); оставьте один.");
                }

                indicators.Add((indicator, index, text));
            }
            else
            {
                ignored.Add(text);
            }
        }

        if (schoolId is null)
        {
            return null;
        }

        if (indicators.Count == 0)
        {
            throw new UploadRejectedException(
                $"Файл «{fileName}», строка {header.Number}: нет ни одного столбца показателей; ожидаются, например, " +
                $"«{IndicatorCatalog.EgeBelowMinShare.Title}» ({IndicatorCatalog.EgeBelowMinShare.Id}). Столбцы описаны в шаблоне загрузки.");
        }

        return new ColumnMap(schoolId.Value, header.Cells[schoolId.Value]!.Trim(), indicators, ignored);
    }
}
