namespace SchoolRisk.Domain.Support;

/// <summary>
/// The kinds of support the committee decides for a school (docs/methodology.md, section 1: «decides support: lists of low-result
/// schools, funding, mentoring pairs with strong schools»). Written in JSON, table keys and the CLI as the keys of
/// <see cref="SupportKinds"/> (<c>subsidy</c>, <c>mentoring</c>, …), shown by their Russian titles.
/// </summary>
public enum SupportKind
{
    /// <summary>«субсидия»: money, so a decision names its amount in roubles.</summary>
    Subsidy,

    /// <summary>«наставничество»: a stronger school mentors this one, so a decision names the mentor school.</summary>
    Mentoring,

    /// <summary>«муниципальная программа поддержки».</summary>
    MunicipalProgramme,

    /// <summary>«методическая помощь».</summary>
    MethodologicalHelp,

    /// <summary>«другое»: the comment says what.</summary>
    Other,
}
