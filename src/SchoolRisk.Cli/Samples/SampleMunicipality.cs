namespace SchoolRisk.Cli.Samples;

/// <summary>A municipality of the sample region: ASCII id, Russian name, the adjective its school names start with, and how many schools it has.</summary>
public sealed record SampleMunicipality(string Id, string Name, string SchoolAdjective, int SchoolCount);
