namespace SchoolRisk.Application.Messaging;

/// <summary>
/// One message waiting in a poison queue, for the committee: <see cref="PoisonedAt"/> when it was moved there,
/// <see cref="What"/> what it is about (Russian: «уведомление «итоги проверки файла» муниципалитету gatchinsky за
/// 2023-2024 (№ …)»), <see cref="Period"/> its school year when it names one, <see cref="Reason"/> the reason recorded
/// for it or where to look for it (Russian), and <see cref="Text"/> the start of the message's text as it is.
/// </summary>
public sealed record PoisonedMessage(string MessageId, DateTimeOffset? PoisonedAt, string What, string? Period, string Reason, string Text);
