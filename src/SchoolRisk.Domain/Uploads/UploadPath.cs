using System.Diagnostics.CodeAnalysis;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Domain.Uploads;

/// <summary>
/// Where an upload sits in the uploads container: <c>{period}/{municipality}/{file}</c> for schools' indicators,
/// <c>{period}/{municipality}/rubrics/{file}</c> for rubric scores.
/// </summary>
public sealed record UploadPath(Period Period, MunicipalityId MunicipalityId, string FileName, UploadKind Kind = UploadKind.Schools)
{
    /// <summary>The folder, under the municipality's, of rubric uploads.</summary>
    public const string RubricsFolder = "rubrics";

    /// <summary>The blob name inside the uploads container.</summary>
    public string BlobName => Kind == UploadKind.Rubrics
        ? $"{Period}/{MunicipalityId}/{RubricsFolder}/{FileName}"
        : $"{Period}/{MunicipalityId}/{FileName}";

    /// <summary>
    /// The upload <paramref name="blobName"/> names, or <c>false</c> with <paramref name="error"/>, in Russian, naming the
    /// blob and the part that is wrong: not two or three folders deep, a blank part, a period that is not a school year,
    /// a municipality that is not an id (<see cref="MunicipalityId"/>).
    /// </summary>
    public static bool TryParse(string blobName, [NotNullWhen(true)] out UploadPath? path, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(blobName);
        path = null;
        var parts = blobName.Split('/');
        var rubrics = parts.Length == 4 && parts[2] == RubricsFolder;
        if ((parts.Length != 3 && !rubrics) || parts.Any(string.IsNullOrWhiteSpace))
        {
            error = $"Файл «{blobName}» загружен не по адресу «учебный год/муниципалитет/файл» (показатели школ, например " +
                $"«2023-2024/gatchinsky/schools.csv») или «учебный год/муниципалитет/{RubricsFolder}/файл» (оценки по рубрикам).";
            return false;
        }

        if (!Period.TryParse(parts[0], out var period))
        {
            error = $"Файл «{blobName}»: «{parts[0]}» не является учебным годом вида «2023-2024».";
            return false;
        }

        if (!MunicipalityId.TryParse(parts[1], out var municipality))
        {
            error = $"Файл «{blobName}»: «{parts[1]}» не является кодом муниципалитета (латинские строчные буквы, цифры и дефис).";
            return false;
        }

        path = rubrics
            ? new UploadPath(period, municipality, parts[3], UploadKind.Rubrics)
            : new UploadPath(period, municipality, parts[2]);
        error = null;
        return true;
    }
}
