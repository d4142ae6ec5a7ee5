namespace SchoolRisk.TestFiles.Corpus;

/// <summary>
/// One file of the messy-upload corpus: a kind of thing people's files do, the file, and what reading it must give:
/// each school's values (indicator id → value; <c>null</c> is missing), the problems' messages (by what they contain),
/// how many rows are left out as not schools, the headers reported as not recognised, or the rejection (by what it
/// contains). Schools are gatchinsky-001 to -005, registered in both the domain tests' registry and the sample registry.
/// </summary>
public sealed record MessyUpload(
    string Kind,
    string FileName,
    byte[] Content,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> Values,
    IReadOnlyList<string> Problems,
    int Notes = 0,
    IReadOnlyList<string>? Unrecognised = null,
    string? Rejection = null)
{
    public IReadOnlyList<string> UnrecognisedHeaders => Unrecognised ?? [];

    public override string ToString() => $"{Kind} ({FileName})";
}
