using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Uploads.Headers;

namespace SchoolRisk.Domain.Federal;

/// <summary>
/// The columns of the committee's federal file (docs/federal-list.md, which a test keeps equal to this list): the school
/// id and name (headers as in an upload, <see cref="UploadColumns"/>), whether the school is on the federal list, and one
/// column per risk factor (<see cref="FederalRiskFactors"/>), recognised by its id or its Russian title. A header names a
/// column as an upload's header does: its words equal, as written (case, «ё», underscores aside), or as stems in any
/// order with notes in brackets, units and years left out and the upload synonyms applied (<see cref="HeaderWords"/>).
/// A header that fits two columns names neither.
/// </summary>
public static class FederalColumns
{
    public const string SchoolId = "school_id";
    public const string SchoolName = "school_name";
    public const string OnList = "on_federal_list";

    /// <summary>The school id column: required.</summary>
    public static FederalColumn School { get; } = new(SchoolId, true, UploadColumns.SchoolIdHeaders);

    /// <summary>The school name column: optional, informative (the registry's name is used).</summary>
    public static FederalColumn Name { get; } = new(SchoolName, false, UploadColumns.SchoolNameHeaders);

    /// <summary>Whether the school is on the federal list of low-result schools: required.</summary>
    public static FederalColumn List { get; } = new(
        OnList, true, [OnList, "В федеральном перечне ШНОР", "Входит в федеральный перечень ШНОР", "Федеральный перечень ШНОР", "Федеральный перечень", "ШНОР"]);

    /// <summary>Columns people keep for themselves (row numbers, the municipality): known, not read.</summary>
    public static FederalColumn Other { get; } = new("(other)", false, UploadColumns.OtherInformativeHeaders);

    /// <summary>Every column read, in the documented order: school id, name, the list, the ten factors.</summary>
    public static IReadOnlyList<FederalColumn> All { get; } =
        [School, Name, List, .. FederalRiskFactors.All.Select(factor => new FederalColumn(factor.Id, false, [factor.Id, factor.Title]))];

    private static readonly (FederalColumn Column, string Plain, IReadOnlyList<string[]> Readings)[] Keys =
        [.. All.Append(Other).SelectMany(column => column.Headers.Select(header => (column, HeaderWords.Plain(header), HeaderWords.Of(header))))];

    /// <summary>The column <paramref name="header"/> names, or <c>null</c> when it names none (or two).</summary>
    public static FederalColumn? Match(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var plain = HeaderWords.Plain(header);
        if (Single(Keys.Where(key => key.Plain == plain)) is { } exact)
        {
            return exact;
        }

        return HeaderWords.Of(header)
            .Select(reading => Single(Keys.Where(key => key.Readings.Any(known => known.SequenceEqual(reading, StringComparer.Ordinal)))))
            .FirstOrDefault(column => column is not null);
    }

    private static FederalColumn? Single(IEnumerable<(FederalColumn Column, string Plain, IReadOnlyList<string[]> Readings)> keys) =>
        keys.Select(key => key.Column).Distinct().ToList() is [var only] ? only : null;
}
