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

    /// <summary>The longest file name, extension included, that <see cref="TryNew"/> accepts.</summary>
    public const int MaxFileNameLength = 150;

    /// <summary>
    /// Where a file a person uploads from the page goes: a new blob, never an earlier upload's, named by the file's own
    /// name with the time and <paramref name="nonce"/> put before its extension (<c>schools.xlsx</c> uploaded at 16:45:00
    /// on 30 November 2026 becomes <c>schools-20261130-164500-{nonce}.xlsx</c>); or <c>false</c> with
    /// <paramref name="error"/>, in Russian, when the name is empty, longer than <see cref="MaxFileNameLength"/>, or has a
    /// folder separator or a control character.
    /// </summary>
    /// <param name="period">The school year uploaded for.</param>
    /// <param name="municipalityId">The municipality whose folder takes the file.</param>
    /// <param name="kind">Schools' indicators (the municipality's folder) or rubric scores (its <c>rubrics/</c> subfolder).</param>
    /// <param name="fileName">The file's name as the person chose it; blanks around it are dropped.</param>
    /// <param name="at">When the upload is asked for (UTC is used).</param>
    /// <param name="nonce">A few random letters or digits that keep two uploads of the same second apart.</param>
    /// <param name="path">The new upload's place, when the name can be used.</param>
    /// <param name="error">Why the name cannot be used, in Russian, when it cannot.</param>
    public static bool TryNew(
        Period period, MunicipalityId municipalityId, UploadKind kind, string fileName, DateTimeOffset at, string nonce,
        [NotNullWhen(true)] out UploadPath? path, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        path = null;
        var name = fileName.Trim();
        error = name.Length == 0 ? "Не указано имя файла."
            : name.Length > MaxFileNameLength ? $"Имя файла «{name[..(char.IsHighSurrogate(name[39]) ? 39 : 40)]}…» длиннее {MaxFileNameLength} знаков; сократите его."
            : name.IndexOfAny(['/', '\\']) >= 0 || name.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
                ? "Имя файла содержит недопустимые знаки (/, \\, управляющие или невидимые); переименуйте файл."
            : null;
        if (error is not null)
        {
            return false;
        }

        var extension = Path.GetExtension(name);
        var stem = name[..^extension.Length].TrimEnd('.', ' ');
        path = new UploadPath(period, municipalityId, $"{(stem.Length == 0 ? "file" : stem)}-{at.UtcDateTime:yyyyMMdd-HHmmss}-{nonce}{extension}", kind);
        return true;
    }

    /// <summary>
    /// The name the person gave a file <see cref="TryNew"/> named (<c>schools-20261130-164500-3fa2.xlsx</c> →
    /// <c>schools.xlsx</c>); any other name as it is.
    /// </summary>
    public static string OriginalFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var match = System.Text.RegularExpressions.Regex.Match(fileName, @"^(?<stem>.+)-\d{8}-\d{6}-[0-9a-f]{4}(?<extension>\.[^.]*)?$");
        return match.Success ? match.Groups["stem"].Value + match.Groups["extension"].Value : fileName;
    }

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
