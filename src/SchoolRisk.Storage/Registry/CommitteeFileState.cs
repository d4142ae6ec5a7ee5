namespace SchoolRisk.Storage.Registry;

/// <summary>
/// A committee file as it is now (<see cref="Current"/>; <c>null</c> when there is none) and the version in use
/// (<see cref="InUse"/>): the current one when usable, otherwise the last good copy, <c>null</c> when neither is usable.
/// </summary>
public sealed record CommitteeFileState<T>(CommitteeFileVersion<T>? Current, CommitteeFileVersion<T>? InUse)
    where T : class;
