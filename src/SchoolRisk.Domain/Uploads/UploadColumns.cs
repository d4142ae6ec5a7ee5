using SchoolRisk.Domain.Indicators;

namespace SchoolRisk.Domain.Uploads;

/// <summary>The columns of an upload besides indicators, with the headers each is recognised by.</summary>
public static class UploadColumns
{
    public const string SchoolId = "school_id";
    public const string SchoolName = "school_name";

    /// <summary>Headers of the school id column: required.</summary>
    public static IReadOnlyList<string> SchoolIdHeaders { get; } =
        [SchoolId, "Код школы", "Код ОО", "Код образовательной организации", "Идентификатор школы", "ID школы"];

    /// <summary>Headers of the school name column: optional, informative.</summary>
    public static IReadOnlyList<string> SchoolNameHeaders { get; } =
        [SchoolName, "Наименование ОО", "Наименование образовательной организации", "Наименование школы", "Название школы", "Школа"];

    private static readonly HashSet<string> SchoolIdKeys = [.. SchoolIdHeaders.Select(HeaderText.Normalize)];
    private static readonly HashSet<string> SchoolNameKeys = [.. SchoolNameHeaders.Select(HeaderText.Normalize)];
    private static readonly Dictionary<string, Indicator> IndicatorKeys = IndicatorCatalog.All
        .SelectMany(indicator => indicator.Headers.Select(header => (Key: HeaderText.Normalize(header), Indicator: indicator)))
        .ToDictionary(pair => pair.Key, pair => pair.Indicator);

    public static bool IsSchoolId(string? header) => SchoolIdKeys.Contains(HeaderText.Normalize(header));

    public static bool IsSchoolName(string? header) => SchoolNameKeys.Contains(HeaderText.Normalize(header));

    public static Indicator? IndicatorOf(string? header) => IndicatorKeys.GetValueOrDefault(HeaderText.Normalize(header));
}
