using System.Security.Cryptography;
using SchoolRisk.Application.Views;
using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads;
using SchoolRisk.Storage.Registry;
using SchoolRisk.Storage.Uploads;

namespace SchoolRisk.Application.Uploads;

/// <summary>
/// Gives the page a link to upload one file of a municipality's period straight to Blob storage (<c>UploadLink</c>, the
/// valet-key pattern): the caller's key must see the municipality (its own key, or the committee's); the file gets a
/// new blob of its own (<see cref="UploadPath.TryNew"/>), in the municipality's folder or its <c>rubrics/</c>
/// subfolder, and the link (<see cref="UploadLinks"/>) creates that blob and nothing else. A school year that has not
/// begun and a municipality the registry does not know get no link. What happens next is what happens to any upload:
/// its event, <c>Ingest</c>, the notice.
/// </summary>
public sealed class UploadLinkIssuer(UploadLinks links, SchoolRegistryBlob registry, TimeProvider time)
{
    /// <param name="scope">What the caller may see: another municipality's key is forbidden.</param>
    /// <param name="municipality">The municipality's id as the route gives it.</param>
    /// <param name="period">The school year, like <c>2023-2024</c>.</param>
    /// <param name="request">The file's name and kind.</param>
    /// <param name="cancellationToken">Cancels obtaining a delegation key.</param>
    /// <returns>The link, or why not: forbidden, not a period, not a municipality id, an unusable file name or kind (Russian).</returns>
    public async Task<ViewAnswer<UploadLinkView>> IssueAsync(
        AccessScope scope, string municipality, string? period, UploadLinkRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(request);
        if (!scope.UploadsFor(municipality))
        {
            return ViewAnswer.Forbidden<UploadLinkView>(municipality);
        }

        if (!Period.TryParse(period, out var parsed))
        {
            return ViewAnswer.NotAPeriod<UploadLinkView>(period);
        }

        var current = Period.Of(time.GetUtcNow());
        if (parsed.StartYear > current.StartYear)
        {
            return ViewAnswer.Invalid<UploadLinkView>($"Учебный год {parsed} ещё не начался: данные принимаются за {current} и прошедшие годы.");
        }

        if (!MunicipalityId.TryParse(municipality, out var municipalityId))
        {
            return ViewAnswer.NotAMunicipality<UploadLinkView>(municipality);
        }

        SchoolRegistry schools;
        try
        {
            schools = await registry.LoadAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return ViewAnswer.NotFound<UploadLinkView>("Реестр школ ещё не загружен комитетом, и загруженный файл не с чем сверить: загрузка пока невозможна.");
        }

        if (!schools.InMunicipality(municipalityId).Any())
        {
            return ViewAnswer.NotFound<UploadLinkView>($"Муниципалитета «{municipality}» нет в реестре школ: проверьте код или попросите комитет добавить его школы в реестр.");
        }

        UploadKind? kind = request.Kind switch
        {
            null or "" or "schools" => UploadKind.Schools,
            "rubrics" => UploadKind.Rubrics,
            _ => null,
        };
        if (kind is null)
        {
            return ViewAnswer.Invalid<UploadLinkView>($"Вид файла «{request.Kind}» не известен: «schools» (показатели школ) или «rubrics» (оценки по рубрикаторам).");
        }

        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2));
        if (!UploadPath.TryNew(parsed, municipalityId, kind.Value, request.FileName ?? string.Empty, time.GetUtcNow(), nonce, out var path, out var error))
        {
            return ViewAnswer.Invalid<UploadLinkView>(error);
        }

        var link = await links.IssueAsync(path, cancellationToken);
        return ViewAnswer.Found(new UploadLinkView(link.Url, link.BlobName, link.ExpiresOn, UploadLimits.Default.MaxFileBytes));
    }
}

/// <summary>What the page asks a link for: the file's name as the person chose it, and <c>schools</c> (default) or <c>rubrics</c>.</summary>
public sealed record UploadLinkRequest(string? FileName, string? Kind);

/// <summary>
/// The answer: <c>PUT</c> the file to <see cref="Url"/> with the header <c>x-ms-blob-type: BlockBlob</c> before
/// <see cref="ExpiresOn"/>; it becomes <see cref="BlobName"/> in the uploads container, at most <see cref="MaxBytes"/>
/// bytes (a larger file is refused when it is read).
/// </summary>
public sealed record UploadLinkView(Uri Url, string BlobName, DateTimeOffset ExpiresOn, long MaxBytes);
