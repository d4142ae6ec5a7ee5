using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Notices.Digest;

/// <summary>
/// A recommendation addressed to the committee for a school (issue 23, item 1), as the digest lists it: where the school
/// is, the measure and the reason, in Russian (the rule's <c>Recommendation</c> and <c>Reason</c>). A measure about the
/// municipality as a whole (<see cref="Recommendations.Recommendation.ConcernsMunicipality"/>) comes once per
/// municipality, without a school: <see cref="SchoolId"/> and <see cref="SchoolName"/> <c>null</c>.
/// </summary>
public sealed record CommitteeMeasure(MunicipalityId MunicipalityId, SchoolId? SchoolId, string? SchoolName, string Measure, string Reason);
