using SchoolRisk.Domain.Municipalities;

namespace SchoolRisk.Storage.Municipalities;

/// <summary>A municipality's stored summary and the ETag of its row: a later write succeeds only if the row is still this one.</summary>
public sealed record StoredSummary(MunicipalSummary Summary, string ETag);
