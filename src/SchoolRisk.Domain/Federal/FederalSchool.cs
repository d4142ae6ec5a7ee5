using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Domain.Federal;

/// <summary>
/// One school of the committee's federal file: the registry's id, name and municipality (the file's own name is not
/// used), whether it is on the federal list of low-result schools (<see cref="OnList"/>), and its federal risk profile:
/// the level of each assessed factor by <see cref="FederalRiskFactor.Id"/> (a factor not assessed is absent).
/// </summary>
public sealed record FederalSchool(
    SchoolId SchoolId, string SchoolName, MunicipalityId MunicipalityId, bool OnList, IReadOnlyDictionary<string, FederalRiskLevel> Profile)
{
    /// <summary>The school as the comparison lists it.</summary>
    public ComparedSchool Compared => new(SchoolId, SchoolName, MunicipalityId);
}
