using SchoolRisk.Domain.Municipalities;
using SchoolRisk.Domain.Periods;
using SchoolRisk.Domain.Schools;
using SchoolRisk.Domain.Uploads.Writing;
using SchoolRisk.Storage.Registry;

namespace SchoolRisk.Application.Views;

/// <summary>
/// The ready-to-fill upload of a municipality's period (<c>UploadTemplate</c>, the page's «Шаблон CSV» and «Шаблон
/// Excel»): <see cref="UploadTemplate"/> over the registry in use, the same file <c>schoolrisk template</c> writes.
/// </summary>
public sealed class UploadTemplateQuery(SchoolRegistryBlob registry)
{
    /// <param name="scope">What the caller may see: another municipality's key is forbidden.</param>
    /// <param name="municipality">The municipality's id as the route gives it.</param>
    /// <param name="period">The school year of the title row, like <c>2023-2024</c>.</param>
    /// <param name="format"><c>csv</c> (also none) or <c>xlsx</c>.</param>
    /// <param name="cancellationToken">Cancels reading the registry.</param>
    /// <returns>
    /// The file, or why not (Russian): forbidden; not a period; not a municipality id, no registry yet or a municipality
    /// with no school in it (not found); a format other than CSV or XLSX (invalid).
    /// </returns>
    public async Task<ViewAnswer<TemplateFile>> GetAsync(
        AccessScope scope, string municipality, string? period, string? format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.Sees(municipality))
        {
            return ViewAnswer.Forbidden<TemplateFile>(municipality);
        }

        if (!Period.TryParse(period, out var parsed))
        {
            return ViewAnswer.NotAPeriod<TemplateFile>(period);
        }

        if (!MunicipalityId.TryParse(municipality, out var municipalityId))
        {
            return ViewAnswer.NotAMunicipality<TemplateFile>(municipality);
        }

        if (!UploadTemplate.TryParseFormat(format, out var templateFormat))
        {
            return ViewAnswer.Invalid<TemplateFile>($"Формат шаблона «{format}» не известен: «csv» или «xlsx».");
        }

        SchoolRegistry schools;
        try
        {
            schools = await registry.LoadAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return ViewAnswer.NotFound<TemplateFile>("Реестр школ ещё не загружен комитетом: шаблон со школами муниципалитета составить не из чего.");
        }

        if (UploadTemplate.For(schools, municipalityId, parsed) is not { } sheet)
        {
            return ViewAnswer.NotFound<TemplateFile>($"Муниципалитета «{municipality}» нет в реестре школ: проверьте код или попросите комитет добавить его школы в реестр.");
        }

        using var content = new MemoryStream();
        await UploadTemplate.WriteAsync(sheet, templateFormat, content, cancellationToken);
        return ViewAnswer.Found(new TemplateFile(
            UploadTemplate.FileName(municipalityId, templateFormat), UploadTemplate.ContentType(templateFormat), content.ToArray()));
    }
}

/// <summary>A file to download: its name (ASCII, <c>template-{municipality}.csv</c>), its MIME type and its bytes.</summary>
public sealed record TemplateFile(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
