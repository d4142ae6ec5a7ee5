using System.Globalization;

namespace SchoolRisk.Domain.Registry;

/// <summary>
/// What the check of one version of a committee file found, and which version is in use after it. <see cref="VersionId"/>
/// names the version checked (time saved, then a hash of its ETag); <see cref="Unusable"/> says, in Russian, why the file
/// cannot be used at all (<c>null</c> when it can); <see cref="Check"/> holds its rows' problems and notes (<c>null</c>
/// when it could not be read); <see cref="InUse"/> is <c>null</c> when no version is usable. Times are shown in Moscow
/// time (UTC+3), the region's.
/// </summary>
public sealed record RegistryReport(
    RegistryFileKind Kind, string FileName, string VersionId, DateTimeOffset SavedAt, string? Unusable, FileCheck? Check, RegistryVersionInUse? InUse)
{
    private static readonly TimeSpan Moscow = TimeSpan.FromHours(3);

    /// <summary>Whether the committee is told: the file cannot be used, or a row was refused or noted.</summary>
    public bool HasProblems => Unusable is not null || Check is { ProblemCount: > 0 } || Check is { Notes.Count: > 0 };

    /// <summary>«Реестр школ» or «Справочник адресатов».</summary>
    public string Title => Kind == RegistryFileKind.Schools ? "Реестр школ" : "Справочник адресатов";

    /// <summary>Which version is in use and what that means, in Russian, for the letter and the report.</summary>
    public string InUseText => InUse switch
    {
        null => $"Исправной версии файла «{FileName}» нет: " + (Kind == RegistryFileKind.Schools
            ? "загрузки муниципалитетов не могут быть проверены и будут повторяться, пока файл не исправлен."
            : "уведомления не могут быть отправлены и будут повторяться, пока файл не исправлен."),
        { IsLastGood: true } => $"Этот файл не используется: действует последняя исправная версия «{FileName}», сохранённая {Time(InUse.SavedAt)} " +
            $"(её копия — last-good/{FileName} в том же контейнере), строк в ней учтено: {InUse.Rows}.",
        _ => $"Используется этот файл: учтено строк — {InUse.Rows} из {Check?.DataRows ?? InUse.Rows}" +
            (Check is { ProblemCount: > 0 } ? "; строки с ошибками не учтены, остальные действуют." : "."),
    };

    /// <summary>A time as the committee reads it: «29.11.2026 13:15 МСК».</summary>
    public static string Time(DateTimeOffset time) => time.ToOffset(Moscow).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) + " МСК";
}
