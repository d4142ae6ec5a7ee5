using SchoolRisk.Domain.Classification;
using SchoolRisk.Domain.Evaluation;
using SchoolRisk.Domain.Indicators;
using SchoolRisk.Domain.RiskGroups;
using SchoolRisk.Domain.Support;
using SchoolRisk.Domain.Zones;

namespace SchoolRisk.Domain.Recommendations;

/// <summary>
/// What the recommendation rules know of one school in a period (their <c>input1</c>): the zone of each indicator that
/// has zone rules (0 none, 1 medium, 2 high), its overall zone, its classifications and standing toward the low-result
/// group, the worst band zone of its municipality's rubrics, and the support already decided for it in the period. Built
/// from an evaluation or a stored result (<see cref="Of(SchoolEvaluation, Zone, IReadOnlySet{SupportKind})"/>), so a
/// recommendation follows from exactly what put the school in its zone.
/// </summary>
public sealed class RecommendationInput
{
    public static RecommendationInput Empty { get; } = new();

    /// <summary>The school's overall zone: 2 high, 1 medium, 0 none.</summary>
    public int OverallZone { get; init; }

    public int EgeBelowMinShareZone { get; init; }

    public int OgeFailShareZone { get; init; }

    public int MedalistsBelow70ShareZone { get; init; }

    public int MinLevelShareZone { get; init; }

    public int VprFailShareZone { get; init; }

    public int VprLoweredShareZone { get; init; }

    public int FunctionalLiteracyShareZone { get; init; }

    public int RetentionShareZone { get; init; }

    public int OffencesPer1000Zone { get; init; }

    public int TeachersTopCategoryShareZone { get; init; }

    public int SupervisionOrdersZone { get; init; }

    /// <summary>In the low-result group (ШНОР) this period, including while its exit is not confirmed.</summary>
    public bool LowResults { get; init; }

    /// <summary>In the low-result group this and the previous period.</summary>
    public bool StablyLowResults { get; init; }

    /// <summary>In unfavourable social conditions (ШНСУ).</summary>
    public bool UnfavourableConditions { get; init; }

    /// <summary>Signs of non-objective results.</summary>
    public bool NonObjectiveResults { get; init; }

    /// <summary>Resilient: unfavourable conditions and high results (a candidate mentor).</summary>
    public bool Resilient { get; init; }

    /// <summary>Entered the low-result group again after having left it.</summary>
    public bool RiskGroupReEntered { get; init; }

    /// <summary>In the low-result group with results no longer low: its exit is not yet confirmed.</summary>
    public bool RiskGroupLeaving { get; init; }

    /// <summary>The worst zone of the municipality's rubric bands (2 a low band, 1 a middle band, 0 none or not assessed).</summary>
    public int MunicipalRubricZone { get; init; }

    /// <summary>Some support is decided for the school in this period (<see cref="SupportDecision"/>, any kind).</summary>
    public bool Supported { get; init; }

    /// <summary>A subsidy is decided for the school in this period.</summary>
    public bool Subsidised { get; init; }

    /// <summary>A mentor school is assigned to the school in this period.</summary>
    public bool Mentored { get; init; }

    /// <summary>The school is in a municipal support programme in this period.</summary>
    public bool InMunicipalProgramme { get; init; }

    /// <summary>The input for <paramref name="evaluation"/>, with its municipality's worst rubric zone and the support decided for it.</summary>
    public static RecommendationInput Of(SchoolEvaluation evaluation, Zone municipalRubricZone, IReadOnlySet<SupportKind> support)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return Of(evaluation.ZoneOf, evaluation.OverallZone, evaluation.Classification, municipalRubricZone, support);
    }

    /// <summary>
    /// The input for a school known by its indicators' zones (<paramref name="zoneOf"/> by indicator id; none for one not
    /// evaluated), overall zone and classification, as a stored result keeps them, with its municipality's worst rubric
    /// zone and the kinds of support decided for it in the period (<see cref="DecidedSupport.Of"/>).
    /// </summary>
    public static RecommendationInput Of(Func<string, Zone> zoneOf, Zone overallZone, SchoolClassification classification, Zone municipalRubricZone, IReadOnlySet<SupportKind> support)
    {
        ArgumentNullException.ThrowIfNull(zoneOf);
        ArgumentNullException.ThrowIfNull(classification);
        ArgumentNullException.ThrowIfNull(support);
        int ZoneOf(Indicator indicator) => (int)zoneOf(indicator.Id);
        return new RecommendationInput
        {
            OverallZone = (int)overallZone,
            EgeBelowMinShareZone = ZoneOf(IndicatorCatalog.EgeBelowMinShare),
            OgeFailShareZone = ZoneOf(IndicatorCatalog.OgeFailShare),
            MedalistsBelow70ShareZone = ZoneOf(IndicatorCatalog.MedalistsBelow70Share),
            MinLevelShareZone = ZoneOf(IndicatorCatalog.MinLevelShare),
            VprFailShareZone = ZoneOf(IndicatorCatalog.VprFailShare),
            VprLoweredShareZone = ZoneOf(IndicatorCatalog.VprLoweredShare),
            FunctionalLiteracyShareZone = ZoneOf(IndicatorCatalog.FunctionalLiteracyShare),
            RetentionShareZone = ZoneOf(IndicatorCatalog.RetentionShare),
            OffencesPer1000Zone = ZoneOf(IndicatorCatalog.OffencesPer1000),
            TeachersTopCategoryShareZone = ZoneOf(IndicatorCatalog.TeachersTopCategoryShare),
            SupervisionOrdersZone = ZoneOf(IndicatorCatalog.SupervisionOrders),
            LowResults = classification.LowResults,
            StablyLowResults = classification.StablyLowResults,
            UnfavourableConditions = classification.UnfavourableConditions,
            NonObjectiveResults = classification.NonObjectiveResults,
            Resilient = classification.Typology == Typology.Resilient,
            RiskGroupReEntered = classification.RiskGroup.Status == RiskGroupStatus.ReEntered,
            RiskGroupLeaving = classification.RiskGroup.Status == RiskGroupStatus.Leaving,
            MunicipalRubricZone = (int)municipalRubricZone,
            Supported = support.Count > 0,
            Subsidised = support.Contains(SupportKind.Subsidy),
            Mentored = support.Contains(SupportKind.Mentoring),
            InMunicipalProgramme = support.Contains(SupportKind.MunicipalProgramme),
        };
    }
}
