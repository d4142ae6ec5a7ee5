namespace SchoolRisk.Domain.Federal;

/// <summary>
/// The federal list stored for a period after a check: the file it came from and when the committee saved it, how many
/// schools its profiles cover and how many are on the list, and whether it is the file just checked.
/// </summary>
public sealed record FederalListInUse(string FileName, DateTimeOffset SavedAt, int Schools, int OnList, bool IsThisFile);
