using SchoolRisk.Domain.Assessment;
using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Support;

namespace SchoolRisk.Domain.Tests.Support;

/// <summary>Schools of a period for the support tests, each described by what matters to it.</summary>
internal static class SupportSchools
{
    public static SupportSchool Low(string id, decimal? index, string municipality = "gatchinsky", string level = SchoolRegistry.Secondary, string? district = "Южный") =>
        Of(id, municipality, level, district, SchoolClassification.None with { LowResults = true, ResultsIndex = index, Typology = Typology.Unsuccessful }, SchoolAssessment.None);

    public static SupportSchool Resilient(string id, string municipality = "gatchinsky", string level = SchoolRegistry.Secondary, string? district = "Южный", int? rank = null) =>
        Of(id, municipality, level, district, SchoolClassification.None with { Typology = Typology.Resilient, UnfavourableConditions = true }, SchoolAssessment.None with { Rank = rank });

    public static SupportSchool High(string id, int? rank, string municipality = "gatchinsky", string level = SchoolRegistry.Secondary, string? district = "Южный") =>
        Of(id, municipality, level, district, SchoolClassification.None, SchoolAssessment.None with { Level = AssessmentLevel.High, Rank = rank });

    public static SupportSchool Of(string id, string municipality, string level, string? district, SchoolClassification classification, SchoolAssessment assessment) =>
        new(new RegisteredSchool(SchoolId.Parse(id), $"Школа {id}", MunicipalityId.Parse(municipality), level, SchoolRegistry.Urban, false, 300) { District = district },
            classification, assessment);
}
