using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Application.Views;

/// <summary>
/// One upload's outcome as the page shows it under the uploads table (<c>UploadOutcome</c>): the upload as the list
/// gives it (<see cref="Upload"/>: status and its Russian title, counts, the report link), one Russian sentence of what
/// happened (<see cref="Summary"/>), for a refused file its whole reason and what to do next, and what was read: the
/// problems by row (<see cref="Problems"/>, the first <see cref="Domain.Uploads.UploadLimits.MaxListedProblems"/> of
/// <see cref="ProblemCount"/>), the columns not recognised with the indicator each may have meant, the rows left out as
/// not schools, and the upload's schools grouped by zone, worst first, with why each is there.
/// </summary>
/// <param name="Upload">The upload's entry in the uploads list.</param>
/// <param name="Summary">What happened, in Russian: accepted (with the counts), refused, a repeat of which file, replaced by which file, being checked, a system failure.</param>
/// <param name="RejectionReason">A refused file's reason, whole (the list's <c>error</c> is cut at a table property's size); <c>null</c> otherwise.</param>
/// <param name="NextSteps">What to do next after a refusal, a sentence each (<see cref="Domain.Uploads.RejectedUploadSteps"/>); empty otherwise.</param>
/// <param name="Problems">Each row skipped (or value not evaluated), in file order.</param>
/// <param name="ProblemCount">Every problem found, listed or not.</param>
/// <param name="UnrecognisedColumns">The columns not read.</param>
/// <param name="LeftOut">Rows left out because they are not schools (a total, a signature), with the message saying so.</param>
/// <param name="Zones">
/// The schools whose stored results come from this upload (for a repeat, from the upload it repeats), in the zones
/// high, medium and none, each present even when empty; no zone at all for a rubric upload or an upload with no
/// results in force (refused, replaced, still being checked).
/// </param>
public sealed record UploadOutcomeView(
    UploadView Upload,
    string Summary,
    string? RejectionReason,
    IReadOnlyList<string> NextSteps,
    IReadOnlyList<UploadProblemView> Problems,
    int ProblemCount,
    IReadOnlyList<UnrecognisedColumnView> UnrecognisedColumns,
    IReadOnlyList<LeftOutRowView> LeftOut,
    IReadOnlyList<ZoneSchoolsView> Zones);

/// <summary>
/// A problem of a row: <see cref="Row"/> is the row as the person sees it in Excel (a JSON file's record number),
/// <see cref="Column"/> the column's header as written in the file and <see cref="Value"/> the cell as read (both
/// <c>null</c> when the problem is the row's), <see cref="Reason"/> the whole message in Russian.
/// </summary>
public sealed record UploadProblemView(int Row, string? Column, string? Value, string Reason);

/// <summary>
/// A column not read: its <see cref="Header"/> as written, the catalog indicator its words come closest to
/// (<see cref="SuggestedIndicator"/>, its id, and <see cref="SuggestedTitle"/>, its Russian title; both <c>null</c>
/// when none is close), and what the person is told, in Russian (<see cref="Message"/>).
/// </summary>
public sealed record UnrecognisedColumnView(string Header, string? SuggestedIndicator, string? SuggestedTitle, string Message);

/// <summary>A row left out as not a school: its number as the person sees it, and the message (Russian) quoting it.</summary>
public sealed record LeftOutRowView(int Row, string Message);

/// <summary>The schools of an upload in one <see cref="Zone"/> (<see cref="Title"/>: its Russian name), by school id.</summary>
public sealed record ZoneSchoolsView(Zone Zone, string Title, IReadOnlyList<ZoneSchoolView> Schools);

/// <summary>
/// A school of an upload: why it is in its zone (<see cref="ZoneReasons"/>, Russian; empty outside the risk zones) and
/// the indicators in a risk zone (<see cref="RiskIndicators"/>: value, zone, Russian title).
/// </summary>
public sealed record ZoneSchoolView(string SchoolId, string SchoolName, IReadOnlyList<string> ZoneReasons, IReadOnlyList<IndicatorView> RiskIndicators);
