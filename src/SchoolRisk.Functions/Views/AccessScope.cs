using SchoolRisk.Functions.CustomHandler;

namespace SchoolRisk.Functions.Views;

/// <summary>
/// What a caller of the views may see, from the function key it presented (the key's name reaches the handler in the
/// Functions host's <c>keyid</c> claim): the master key or a host key named <c>committee</c> sees the whole region; a
/// host key named <c>municipality-{id}</c> sees only that municipality; any other key sees nothing.
/// </summary>
public sealed record AccessScope(bool Region, string? MunicipalityId)
{
    public const string CommitteeKey = "committee";
    public const string MunicipalityKeyPrefix = "municipality-";

    public static AccessScope Nothing { get; } = new(false, null);

    public bool SeesAnything => Region || MunicipalityId is not null;

    public static AccessScope Of(HttpTriggerRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HasMasterKey || request.KeyName == CommitteeKey ? new AccessScope(true, null)
            : request.KeyName is { } key && key.StartsWith(MunicipalityKeyPrefix, StringComparison.Ordinal) && key.Length > MunicipalityKeyPrefix.Length
                ? new AccessScope(false, key[MunicipalityKeyPrefix.Length..])
                : Nothing;
    }

    public bool Sees(string municipalityId) => Region || MunicipalityId == municipalityId;
}
