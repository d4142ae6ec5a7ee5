using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Functions.Rules;

/// <summary>A school whose overall zone differs between the stored results and a candidate rule set.</summary>
public sealed record ZoneChange(string MunicipalityId, string SchoolId, string SchoolName, Zone Stored, Zone Candidate);
