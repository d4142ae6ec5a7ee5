using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Uploads.Writing;

/// <summary>
/// A table in upload form: an optional title row, a header row (indicator ids or Russian titles) and one row per
/// school with its id, name and a cell per catalog indicator (a <see cref="decimal"/> or empty). Written by
/// <see cref="UploadSheetFiles"/> as a template to fill in, or as sample data.
/// </summary>
public sealed record UploadSheet(string? Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public static UploadSheet For(
        IEnumerable<RegisteredSchool> schools, Func<RegisteredSchool, Indicator, decimal?> value, bool russianHeaders, string? title)
    {
        ArgumentNullException.ThrowIfNull(schools);
        ArgumentNullException.ThrowIfNull(value);
        string[] headers = russianHeaders
            ? [UploadColumns.SchoolIdHeaders[1], UploadColumns.SchoolNameHeaders[1], .. IndicatorCatalog.All.Select(i => $"{i.Title}, {i.Unit.Symbol()}")]
            : [UploadColumns.SchoolId, UploadColumns.SchoolName, .. IndicatorCatalog.All.Select(i => i.Id)];
        var rows = schools
            .Select(school => (IReadOnlyList<object?>)[school.Id, school.Name, .. IndicatorCatalog.All.Select(i => (object?)value(school, i))])
            .ToList();
        return new UploadSheet(title, headers, rows);
    }
}
