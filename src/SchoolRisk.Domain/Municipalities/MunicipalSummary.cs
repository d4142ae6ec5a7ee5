using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Municipalities;

/// <summary>
/// A municipality's indicators for a period, computed from its schools' rows (docs/methodology.md, section 6): shares of schools
/// A / B × 100, where B is the schools evaluated and A those with the fact (<c>null</c> when no school reported it), the
/// shares of schools in each zone and with low results. The municipality's <see cref="Zone"/> is the worse of
/// <see cref="SchoolZone"/> (<c>high</c> when at least one of its schools is in the high zone) and
/// <see cref="RubricZone"/> (the worst band of its own rubrics: a rubric in its low band is <c>high</c>).
/// </summary>
public sealed record MunicipalSummary(
    MunicipalityId MunicipalityId,
    Period Period,
    UploadId? UploadId,
    int Schools,
    decimal? SportsClubShare,
    decimal? TheatreShare,
    decimal? MuseumShare,
    decimal? SptParticipationShare,
    decimal? OlympiadWinnersShare,
    decimal HighZoneShare,
    decimal MediumZoneShare,
    decimal LowResultsShare,
    Zone SchoolZone)
{
    /// <summary>The zone of the municipality's own rubrics (<see cref="Rubrics.RubricResult.MunicipalZoneOf"/>); <c>none</c> until they are uploaded.</summary>
    public Zone RubricZone { get; init; }

    /// <summary>The municipality's risk zone (docs/methodology.md, section 6).</summary>
    public Zone Zone => SchoolZone > RubricZone ? SchoolZone : RubricZone;

    /// <summary>This summary of the schools, keeping the rubric zone of the municipality's stored summary (<c>null</c>: none yet).</summary>
    public MunicipalSummary KeepingRubricsOf(MunicipalSummary? stored) => this with { RubricZone = stored?.RubricZone ?? Zone.None };

    /// <summary>A municipality with no school evaluated yet: the start of one whose rubrics arrive first.</summary>
    public static MunicipalSummary Empty(Period period, MunicipalityId municipalityId) =>
        new(municipalityId, period, null, 0, null, null, null, null, null, 0, 0, 0, Zone.None);

    public static MunicipalSummary Of(EvaluatedUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var schools = upload.Schools;
        decimal Share(int count) => schools.Count == 0 ? 0 : Math.Round(100m * count / schools.Count, 1);
        decimal? ShareWith(Indicator indicator) =>
            schools.Any(school => indicator.ValueOf(school.School.Indicators) is not null)
                ? Share(schools.Count(school => indicator.ValueOf(school.School.Indicators) > 0))
                : null;

        var high = schools.Count(school => school.OverallZone == Zone.High);
        return new MunicipalSummary(
            upload.Path.MunicipalityId,
            upload.Path.Period,
            upload.UploadId,
            schools.Count,
            ShareWith(IndicatorCatalog.HasSportsClub),
            ShareWith(IndicatorCatalog.HasTheatre),
            ShareWith(IndicatorCatalog.HasMuseum),
            ShareWith(IndicatorCatalog.SptParticipation),
            ShareWith(IndicatorCatalog.OlympiadRegionalWinners),
            Share(high),
            Share(schools.Count(school => school.OverallZone == Zone.Medium)),
            Share(schools.Count(school => school.Classification.LowResults)),
            high > 0 ? Zone.High : Zone.None);
    }
}
