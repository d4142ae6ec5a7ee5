using SchoolRisk.Domain.Registry;

namespace SchoolRisk.Domain.Notices;

/// <summary>
/// What a <see cref="NoticeKind.RegistryProblems"/> notice says besides its problems (<see cref="MunicipalityNotice.Problems"/>):
/// which file, when the committee saved it, the notes (rows that change nothing, first <see cref="MunicipalityNotice.QuotedProblems"/>
/// of them) and which version is in use, in Russian.
/// </summary>
public sealed record RegistrySummary(RegistryFileKind Kind, string Title, DateTimeOffset SavedAt, int NoteCount, IReadOnlyList<string> FirstNotes, string InUse);
