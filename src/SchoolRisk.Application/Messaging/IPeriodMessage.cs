namespace SchoolRisk.Application.Messaging;

/// <summary>
/// A queue message about one period, named as text like <c>2023-2024</c> (<see cref="Domain.Periods.Period.TryParse(string?, out Domain.Periods.Period)"/>
/// reads it): <see cref="Recalculation.RecalculationRequest"/>, <see cref="Notes.NoteRequest"/>, <see cref="Digest.DigestRequest"/>.
/// </summary>
public interface IPeriodMessage
{
    /// <summary>The period, as text like <c>2023-2024</c>; a door refuses a message whose period does not parse.</summary>
    string Period { get; }
}
