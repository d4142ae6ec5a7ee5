using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Registry;

namespace SchoolRisk.Domain.Federal;

/// <summary>
/// What the check of one federal file found, and which list the period has after it. <see cref="VersionId"/> names the
/// version checked (time saved, then a hash of its ETag); <see cref="Unusable"/> says, in Russian, why the file cannot
/// be used at all (<c>null</c> when it can); <see cref="Check"/> holds its rows' problems and notes (<c>null</c> when it
/// could not be read); <see cref="InUse"/> is the list stored for the period (<c>null</c>: none).
/// </summary>
public sealed record FederalReport(
    Period Period, string FileName, string VersionId, DateTimeOffset SavedAt, string? Unusable, FileCheck? Check, FederalListInUse? InUse)
{
    /// <summary>Whether the file cannot be used, or a row was refused, or something was noted.</summary>
    public bool HasProblems => Unusable is not null || Check is { ProblemCount: > 0 } || Check is { Notes.Count: > 0 };

    /// <summary>Which list the period has now, in Russian, for the report's last line.</summary>
    public string InUseText => InUse switch
    {
        null => $"Федеральный перечень за {Period} не принят, и принятого перечня за этот период нет: исправьте файл и загрузите его снова.",
        { IsThisFile: true } => $"Перечень за {Period} принят: учтено строк — {InUse.Schools} из {Check?.DataRows ?? InUse.Schools}, школ в федеральном перечне — {InUse.OnList}" +
            (Check is { ProblemCount: > 0 } ? "; строки с ошибками не учтены." : "."),
        _ => $"Этот файл не принят: за {Period} действует перечень «{InUse.FileName}», сохранённый {RegistryReport.Time(InUse.SavedAt)} " +
            $"(школ — {InUse.Schools}, в федеральном перечне — {InUse.OnList}).",
    };
}
