namespace SchoolRisk.Domain.Federal;

/// <summary>
/// A column of the committee's federal file: its <see cref="Id"/> (also an accepted header), whether a file without it
/// is refused (<see cref="Required"/>), and every header it is recognised by (<see cref="FederalColumns.Match"/>).
/// </summary>
public sealed record FederalColumn(string Id, bool Required, IReadOnlyList<string> Headers);
