namespace SchoolRisk.Domain.Federal;

/// <summary>
/// One risk factor of the federal programme of support for low-result schools («500+», run by ФИОКО): a stable ASCII
/// <see cref="Id"/> (the column id of the committee's file and the property of the stored profile) and its Russian
/// <see cref="Title"/> as the programme names it. <see cref="FederalRiskFactors.All"/> lists the ten.
/// </summary>
public sealed record FederalRiskFactor(string Id, string Title);
