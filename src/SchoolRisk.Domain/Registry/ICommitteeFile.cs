namespace SchoolRisk.Domain.Registry;

/// <summary>
/// A file the committee keeps in the registry container, as read: the rows that passed their checks are in use, and
/// <see cref="Check"/> says what was refused. Reading one never throws on a row's problem; it throws
/// <see cref="Uploads.Tables.FileRejectedException"/> only when the file cannot be read at all (not CSV, no header row, a
/// column missing).
/// </summary>
public interface ICommitteeFile
{
    FileCheck Check { get; }
}
