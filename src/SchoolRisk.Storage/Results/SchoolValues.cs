using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Schools;

namespace SchoolRisk.Storage.Results;

/// <summary>One school's values in the region's snapshot (<see cref="RegionSnapshotBlobs"/>), with the municipality it belongs to.</summary>
public sealed record SchoolValues(MunicipalityId MunicipalityId, SchoolIndicators Values);
