namespace SchoolRisk.Storage.Rules;

/// <summary>The pointer to the active rule set version, with the ETag that tells a reader whether it moved.</summary>
public sealed record ActiveRules(string Version, string ETag);
