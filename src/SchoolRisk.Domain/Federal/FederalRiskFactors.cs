namespace SchoolRisk.Domain.Federal;

/// <summary>
/// The ten risk factors of the federal risk profile of a school, in the order the programme «500+» (ФИОКО) lists them.
/// The ids are stable: they are column ids of the committee's file (docs/federal-list.md) and columns of the stored list.
/// </summary>
public static class FederalRiskFactors
{
    /// <summary>Every factor, in the programme's order.</summary>
    public static IReadOnlyList<FederalRiskFactor> All { get; } =
    [
        new("low_equipment", "Низкая оснащённость школы"),
        new("teacher_shortage", "Дефицит педагогических кадров"),
        new("teacher_competence", "Недостаточная предметная и методическая компетентность педагогических работников"),
        new("low_adaptivity", "Риски низкой адаптивности учебного процесса"),
        new("no_inschool_training", "Несформированность внутришкольной системы повышения квалификации"),
        new("failure_risk_share", "Высокая доля обучающихся с рисками учебной неуспешности"),
        new("low_discipline", "Низкий уровень дисциплины в классе"),
        new("high_ovz_share", "Высокая доля обучающихся с ОВЗ"),
        new("low_motivation", "Низкая учебная мотивация обучающихся"),
        new("low_parent_involvement", "Пониженный уровень вовлечённости родителей"),
    ];

    /// <summary>The factor with id <paramref name="id"/>, or <c>null</c>.</summary>
    public static FederalRiskFactor? Find(string id) => All.FirstOrDefault(factor => factor.Id == id);
}
