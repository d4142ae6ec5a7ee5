namespace SchoolRisk.Application.Notices;

/// <summary>
/// What a replay did (<see cref="DeliveryReplay"/>): <see cref="Replayed"/> notices, digest requests or messages queued
/// again, and <see cref="Message"/>, a Russian sentence the page shows.
/// </summary>
public sealed record DeliveryReplayView(int Replayed, string Message);
