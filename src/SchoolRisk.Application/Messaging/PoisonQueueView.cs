namespace SchoolRisk.Application.Messaging;

/// <summary>
/// A poison queue that holds messages (<see cref="PoisonQueues.ListAsync"/>): <see cref="Queue"/> is the queue its
/// messages go back to when replayed, <see cref="PoisonQueue"/> its <c>-poison</c> queue, <see cref="Count"/> how many
/// wait there, <see cref="Messages"/> the first of them.
/// </summary>
public sealed record PoisonQueueView(string Queue, string PoisonQueue, int Count, IReadOnlyList<PoisonedMessage> Messages);
