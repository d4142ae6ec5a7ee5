namespace SchoolRisk.Domain.Registry;

/// <summary>Which of the committee's files in the registry container.</summary>
public enum RegistryFileKind
{
    /// <summary>The school registry, <c>schools.csv</c>: uploads are checked against it.</summary>
    Schools,

    /// <summary>The recipients directory, <c>recipients.csv</c>: who receives notices.</summary>
    Recipients,

    /// <summary>A period's federal list of low-result schools, <c>federal/{period}/{file}</c> (docs/federal-list.md).</summary>
    FederalList,
}
