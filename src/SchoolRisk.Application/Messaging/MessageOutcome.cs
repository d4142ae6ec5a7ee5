namespace SchoolRisk.Application.Messaging;

/// <summary>
/// What a workflow behind a queue trigger tells its door when it writes no queue output: whether the message must be
/// delivered again (<see cref="Retry"/>: the invocation fails, so the queue retries it and after its last delivery moves it
/// to the poison queue) and what happened, for the invocation log (<see cref="Log"/>).
/// </summary>
public sealed record MessageOutcome(bool Retry, string Log);
