namespace SchoolRisk.Domain.Support;

/// <summary>
/// A mentee and the mentor <see cref="MentorMatching"/> proposes for it, or, when there is none, why
/// (<see cref="NotFound"/>, in Russian, after «наставник не найден»).
/// </summary>
/// <param name="Mentee">The low-result school.</param>
/// <param name="Mentor">The proposed mentor, or <c>null</c>.</param>
/// <param name="Proximity">How near the mentor is; <c>null</c> without one.</param>
/// <param name="MentorReason">Why the mentor qualifies, in Russian: «устойчивая школа», «высокий уровень по комплексной оценке, место 3»; empty without one.</param>
/// <param name="NotFound">Why no mentor was found, in Russian; <c>null</c> with one.</param>
public sealed record MentorProposal(SupportSchool Mentee, SupportSchool? Mentor, MentorProximity? Proximity, string MentorReason, string? NotFound);
