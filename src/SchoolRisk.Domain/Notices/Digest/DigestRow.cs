using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Notices.Digest;

/// <summary>One municipality in the digest: its schools per zone and its own zone.</summary>
public sealed record DigestRow(MunicipalityId MunicipalityId, int High, int Medium, int None, Zone MunicipalZone);
