namespace SchoolRisk.Application.Views;

/// <summary>
/// What a caller of the views may see and do, from the function key it presented (the door reads the key's name from
/// the Functions host's <c>keyid</c> claim): the master key or a host key named <see cref="CommitteeKey"/> sees the whole
/// region (<see cref="Region"/>) and acts for the committee (<see cref="Committee"/>); a key named
/// <see cref="RulesAdministratorKey"/> sees the whole region (a preview shows it anyway) and administers the rules
/// (<see cref="RulesAdministrator"/>, the master key too); a host key named <c>municipality-{id}</c> sees only that
/// municipality (<see cref="MunicipalityId"/>); any other key sees nothing (<see cref="Nothing"/>).
/// </summary>
public sealed record AccessScope(bool Region, string? MunicipalityId)
{
    /// <summary>The name of the host key the committee holds.</summary>
    public const string CommitteeKey = "committee";

    /// <summary>The name of the key rule administrators hold (a host key: the page's rule functions and views all take it).</summary>
    public const string RulesAdministratorKey = "rules-admin";

    /// <summary>Whether the caller acts for the regional committee (deliveries, replay): its key or the master key.</summary>
    public bool Committee { get; init; }

    /// <summary>Whether the caller may edit, preview, activate and roll back the rules: <see cref="RulesAdministratorKey"/> or the master key.</summary>
    public bool RulesAdministrator { get; init; }

    /// <summary>
    /// What the page offers this caller, in a stable order: <c>committee</c>, <c>rulesAdmin</c>, <c>municipality</c>.
    /// </summary>
    public IReadOnlyList<string> Roles =>
        [.. new[] { (Committee, "committee"), (RulesAdministrator, "rulesAdmin"), (MunicipalityId is not null, "municipality") }
            .Where(role => role.Item1).Select(role => role.Item2)];

    /// <summary>What a municipality's host key is named before its id: <c>municipality-gatchinsky</c>.</summary>
    public const string MunicipalityKeyPrefix = "municipality-";

    /// <summary>The scope of a key that gives no access to any data.</summary>
    public static AccessScope Nothing { get; } = new(false, null);

    /// <summary>Whether the key sees any data at all; a door refuses one that does not (403).</summary>
    public bool SeesAnything => Region || MunicipalityId is not null;

    /// <summary>The scope of a caller that presented the key named <paramref name="keyName"/> (<c>null</c>: none), or the master key.</summary>
    public static AccessScope Of(string? keyName, bool masterKey) =>
        masterKey ? new AccessScope(true, null) { Committee = true, RulesAdministrator = true }
            : keyName == CommitteeKey ? new AccessScope(true, null) { Committee = true }
            : keyName == RulesAdministratorKey ? new AccessScope(true, null) { RulesAdministrator = true }
            : keyName is { } key && key.StartsWith(MunicipalityKeyPrefix, StringComparison.Ordinal) && key.Length > MunicipalityKeyPrefix.Length
                ? new AccessScope(false, key[MunicipalityKeyPrefix.Length..])
                : Nothing;

    /// <summary>
    /// Whether the caller may upload the data of <paramref name="municipalityId"/>: the municipality's own key, or the
    /// committee's on its behalf; a rule administrator sees the region but sends no municipality's data.
    /// </summary>
    public bool UploadsFor(string municipalityId) => Committee || MunicipalityId == municipalityId;

    /// <summary>Whether the caller may see the data of <paramref name="municipalityId"/>.</summary>
    public bool Sees(string municipalityId) => Region || MunicipalityId == municipalityId;
}
