namespace SchoolRisk.Domain.Registry;

/// <summary>
/// The version of a committee file in use after a check: when the committee saved it, whether it is the last good copy
/// kept from an earlier edit (rather than the file just checked), and how many of its rows are used.
/// </summary>
public sealed record RegistryVersionInUse(DateTimeOffset SavedAt, bool IsLastGood, int Rows);
