using SchoolRisk.Domain.Periods;

namespace SchoolRisk.Application.Messaging;

/// <summary>
/// A queue message about one period, written <c>"Period":"2023-2024"</c> (<see cref="PeriodJsonConverter"/>):
/// <see cref="Recalculation.RecalculationRequest"/>, <see cref="Notes.NoteRequest"/>, <see cref="Digest.DigestRequest"/>.
/// </summary>
public interface IPeriodMessage
{
    /// <summary>
    /// The period. A message whose period is not a period like 2023-2024 does not read (<see cref="System.Text.Json.JsonException"/>
    /// in the worker's binding); one that names none reads as <c>default</c>, which a door refuses (<c>QueueTriggerData.PeriodOf</c>):
    /// either way the invocation fails, and the queue retries the message, then poisons it.
    /// </summary>
    Period Period { get; }
}
